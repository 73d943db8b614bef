"""The ``events`` stage: a typed inventory of what happened, with its arguments linked.

Event types, trigger words and argument patterns are data (``data/events.toml``, see
:mod:`marsad.events._inventory`). In each sentence a trigger opens an event of its type;
its agent, target, participants and place are named entities of the sentence found by the
type's patterns, its date the sentence's first date, its amount the nearest amount of the
kind it takes. Events of one type that do not contradict each other (same agent and amount
or none) are one event told several times, and are merged.

To add an event type, add an ``[[event]]`` table to a TOML file and run
``EventStage(default_inventory().merged(Inventory.load(path)))`` in a pipeline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..entityindex import EntityIndex, Located
from ..record import (
    TEXT_FIELDS,
    Amount,
    Article,
    DateMention,
    Entity,
    Event,
    Mention,
    Quote,
    TextField,
)
from ..registry import register_stage
from ..text import Token, normalize, split_sentences_cached
from ..wordforms import field_tokens, first_words, form_positions, forms, match_phrase
from ._inventory import EventType, Inventory, InventoryError, Trigger, default_inventory

__all__ = [
    "EventStage",
    "EventType",
    "Inventory",
    "InventoryError",
    "default_inventory",
    "find_events",
]


_DASHES = frozenset({"-", "–", "—"})
_CLAUSE_ENDS = frozenset({"،", ",", "؛", ";", ":", "«", "»", "(", ")"})
_UNSEEN = "\0"  # no mode looked up yet


def _finished(draft: Event) -> Event:
    """A draft event as recorded: its agent is neither its target nor listed among the
    participants."""
    target = None if draft.target == draft.agent else draft.target
    participants = [p for p in draft.participants if p != draft.agent]
    return replace(draft, target=target, participants=participants)


@dataclass(frozen=True, slots=True)
class _Sentence:
    field: TextField
    text: str
    tokens: Sequence[Token]
    start: int
    end: int
    named: list[tuple[int, Located]]  # (token index, mention)
    covered: frozenset[int]  # the tokens inside a named entity


class _Finder:
    def __init__(self, article: Article, inventory: Inventory) -> None:
        self.article = article
        self.inv = inventory
        self.index = EntityIndex(article.entities)
        self._verbs: set[int] = set()  # the verbal triggers of the sentence read now
        self._found: list[Event] = []  # the events of the sentence read now, so far
        self._modes: dict[int, str | None] = {}  # the sentence's mode, by mode table
        self._roled = [e for e in article.entities if e.type == "PER" and e.roles]
        # drafts told as news, by a verb (True) or an indefinite noun (False)
        self._fresh: dict[int, bool] = {}

    def run(self) -> list[Event]:
        drafts: list[Event] = []
        for name in TEXT_FIELDS:
            text = self.article.field_text(name)
            if not text:
                continue
            tokens = field_tokens(text)
            starts = [t.start for t in tokens]
            # the tokens a trigger may start at, found once for the field
            firsts = form_positions(tokens, first_words(self.inv.triggers))
            for s in split_sentences_cached(text):
                lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
                sentence = self._sentence(name, text, tokens[lo:hi], s.start, s.end, starts[lo:hi])
                here = firsts[bisect_left(firsts, lo) : bisect_left(firsts, hi)]
                drafts.extend(self._events(sentence, [i - lo for i in here]))
        # a headline tells in short what the body tells in full: the body's arguments win
        drafts.sort(key=lambda d: d.trigger.field == "title")
        names = {e.id: e.name for e in self.article.entities}
        fuller = _fuller_persons(self.article.entities)
        for draft in drafts:
            _resolve(draft, fuller)
        return [_finished(d) for d in _merge(drafts, names, self._fresh) if self._argued(d)]

    def _argued(self, event: Event) -> bool:
        """An event with its agent (or, for some types, its target), or with where it was and
        how many it struck, or of a type told without («حادث»)."""
        kind = self.inv.types.get(event.type)
        if kind is None or kind.bare or event.agent is not None:
            return True
        if event.place is not None and event.amount is not None:
            return True  # «هجوم استهدف مسجدا في كابول وأسفر عن مقتل 20 شخصا»: where, how many
        return event.target is not None and not kind.needs_agent

    def _sentence(
        self,
        name: TextField,
        text: str,
        tokens: Sequence[Token],
        start: int,
        end: int,
        starts: Sequence[int],
    ) -> _Sentence:
        """The sentence ``tokens`` (``starts``: where each starts) with its named entities."""
        named = [
            (max(0, bisect_right(starts, m.start) - 1), m)
            for m in self.index.within(name, start, end)
        ]
        covered: set[int] = set()
        for ti, m in named:
            k = ti
            while k < len(tokens) and tokens[k].start < m.end:
                if _inside(tokens[k], m):
                    covered.add(k)
                k += 1
        return _Sentence(name, text, tokens, start, end, named, frozenset(covered))

    def _events(self, s: _Sentence, firsts: Sequence[int]) -> list[Event]:
        """The events of a sentence; ``firsts``: the indices of its tokens that are the first
        word of a trigger."""
        found: list[Event] = []
        self._found = found
        self._modes = {}
        after = 0  # the token after the last trigger
        hits: list[tuple[int, tuple[Trigger, ...], int]] = []
        for i in firsts:
            if i < after or i in s.covered:
                continue
            hit = match_phrase(self.inv.triggers, s.tokens, i, 3)
            if hit is not None:
                hits.append((i, *hit))
                after = i + hit[1]
        self._verbs = {i for i, triggers, _ in hits if any(t.verbal for t in triggers)}
        for i, triggers, n in hits:
            for trigger in triggers:
                kind = self.inv.types.get(trigger.type)
                if kind is None or not self._holds(s, trigger, i, n):
                    continue
                if trigger.verbal and _definite(s.tokens[i]):
                    continue  # «البحث» is no «بحث»: a verb takes no article
                if trigger.plain and kind.fresh_only and self._known(s, kind, i):
                    continue  # «بشأن الاتفاق النووي», «متمسكة باتفاق الطائف»: made before
                if self._negated(s, kind, i):
                    continue  # «نفى وجود أي صفقة», «لم يوقع»
                draft = self._kept(found, self._draft(s, kind, trigger, i, i + n), trigger)
                if draft is not None:
                    found.append(draft)
                    if trigger.verbal:
                        self._fresh[id(draft)] = True
                    elif not _definite(s.tokens[i]):
                        self._fresh[id(draft)] = False
        return found

    def _negated(self, s: _Sentence, kind: EventType, i: int) -> bool:
        """Whether a negation stands in the trigger's clause, within eight words before it and
        past no other event's verb: «نفى الوزير وجود أي صفقة», «لم يوقع»."""
        for k in range(i - 1, max(-1, i - 9), -1):
            token = s.tokens[k]
            if token.text in _CLAUSE_ENDS or k in self._verbs:
                return False
            if any(f in kind.negations for f in forms(token)):
                return True
        return False

    @staticmethod
    def _kept(found: list[Event], draft: Event, trigger: Trigger) -> Event | None:
        """The draft if it is an event of its own: one with its arguments, or the first of
        its type in the sentence; a second one with a target of its own («وتكليف فلان»)
        takes the agent of the first when it names none."""
        kind = draft.type
        earlier = next((e for e in reversed(found) if e.type == kind), None)
        if earlier is not None:
            if draft.target is None or draft.target == earlier.target:
                return None
            if draft.agent is None:
                draft.agent = earlier.agent
        if trigger.needs == "target" and draft.target is None:
            return None
        return draft

    def _holds(self, s: _Sentence, trigger: Trigger, i: int, n: int) -> bool:
        after = {f for t in s.tokens[i + n : i + n + trigger.window] for f in forms(t)}
        if trigger.near and not after & trigger.near:
            return False
        if after & trigger.unless:
            return False
        if trigger.needs in ("", "target"):
            return True
        return self._amount(s, trigger.needs, s.tokens[i].start) is not None

    # -- arguments -----------------------------------------------------------------------
    def _draft(self, s: _Sentence, kind: EventType, trigger: Trigger, i: int, j: int) -> Event:
        first, last = s.tokens[i], s.tokens[j - 1]
        start = first.start + (len(first.prefix) if not first.prefix.endswith("ال") else 0)
        mention = Mention(s.field, start, last.end, s.text[start : last.end])
        draft = Event(kind.name, mention)
        if i > 0 and any(f in kind.anaphora for f in forms(s.tokens[i - 1])):
            return draft
        draft.agent = self._coordinated(s, trigger, i) or self._agent(s, kind, trigger, i, j)
        if kind.target:
            draft.target = self._target(s, kind, j, draft.agent)
        draft.place = self._place(s, kind, {draft.agent, draft.target}, i)
        if kind.participants:
            draft.participants = self._participants(s, kind, draft.place)
        draft.date = next(
            (d.value for d in self._dates(s) if d.value is not None),
            None,
        )
        if kind.amount:
            draft.amount = self._amount(s, kind.amount, first.start)
        draft.mode = self._mode(s, kind)
        return draft

    def _coordinated(self, s: _Sentence, trigger: Trigger, i: int) -> str | None:
        """A noun joined by «و» to the sentence's previous event shares its agent:
        «مباحثات الأمير فلان والرئيس فلان والاتفاق على ...»."""
        token = s.tokens[i]
        if trigger.verbal or not token.prefix.startswith("و") or not self._found:
            return None
        earlier = self._found[-1]
        # not what a statement reports («وأكد في تصريحات تعرض الصحفيين للقمع والاعتقالات»)
        return None if earlier.type in self.inv.frames else earlier.agent

    def _agent(self, s: _Sentence, kind: EventType, trigger: Trigger, i: int, j: int) -> str | None:
        undergone = not trigger.verbal and self._undergone(s, kind, i)
        for strategy in kind.agent:
            found: str | None = None
            if undergone and strategy not in ("cue", "after_noun"):
                continue  # «تعرض المدرب لانتقادات»: the one named before suffers it
            if strategy == "cue":
                found = self._after_cue(s, kind, j)
            elif strategy == "after_verb" and trigger.verbal and self._relative_before(s, kind, i):
                continue  # «الذي زار واشنطن»: what follows is the object
            elif strategy == "after_verb" and trigger.verbal:
                found = self._subject_before(s, kind, i) or self._subject(
                    s, kind, kind.agent_types, j
                )
                if found is None and self._unnamed_before(s, kind, i):
                    return None  # «أن الوفد سيوقع»: its subject has no name
                if found is None and j < len(s.tokens) and self._unnamed(s.tokens[j], kind):
                    # «وأشاد الوزير»: the one person of the article with that title, or none
                    return self._titled(s, j)
            elif strategy == "after_noun" and not trigger.verbal and not _definite(s.tokens[i]):
                # «زيارة الأمير فلان»: the noun's genitive; «الزيارة» is one already told
                found = self._subject(s, kind, kind.agent_types - {"GPE", "LOC"}, j)
            elif strategy == "support" and not trigger.verbal:
                verb = self._support_verb(s, kind, i)
                if verb is not None:
                    # the verb's subject, after it or before it («أن عددا من الإعلاميين
                    # وجهوا انتقاداتهم»), named or not
                    return self._subject(s, kind, kind.agent_types, verb + 1) or (
                        self._last_before(s, kind, verb)
                    )
            elif strategy == "before" and (trigger.verbal or not _definite(s.tokens[i])):
                # «في اللقاء المتأخر»: a noun with the article tells no new agent
                found = self._last_before(s, kind, i)
            elif strategy == "speaker":
                found = self._speaker(s, s.tokens[i].start)
            elif strategy == "clause_subject" and trigger.participle:
                found = self._clause_subject(s, kind, i)
            if found:
                return found
        return None

    def _subject(self, s: _Sentence, kind: EventType, types: frozenset[str], j: int) -> str | None:
        """The agent named right after a trigger: the entity that follows it («أدانت
        الكويت»), or past a title the person named («استنكر الأمين العام لمجلس التعاون
        الدكتور فلان»); none when a preposition follows it («نوه بدعم الأمير»)."""
        end = min(len(s.tokens), j + kind.subject_window)
        if j >= end or self._prepositional(s, j, kind):
            return None
        for k in range(j, end):
            if s.tokens[k].text in _CLAUSE_ENDS:
                end = k
                break
        titled = self._title(s.tokens[j], kind)
        for ti, m in s.named:
            if not j <= ti < end or m.entity.type not in types or not self._may_act(s, ti, m, kind):
                continue
            path = range(j, ti)
            free = not any(self._prepositional(s, k, kind) for k in path)
            if m.entity.type == "PER" and (free or titled):
                return m.entity.id
            if ti - j < 5 and free and not any(self._title(s.tokens[k], kind) for k in path):
                return m.entity.id
        return None

    def _known(self, s: _Sentence, kind: EventType, i: int) -> bool:
        """Whether a noun names one known before: with the article, or after a preposition."""
        token = s.tokens[i]
        if _definite(token) or self._prepositional(s, i, kind):
            return True
        return i > 0 and any(f in kind.prepositions for f in forms(s.tokens[i - 1]))

    @staticmethod
    def _undergone(s: _Sentence, kind: EventType, i: int) -> bool:
        """Whether a noun is what its clause's subject undergoes: «تعرض لانتقادات»."""
        for k in range(i - 1, max(-1, i - 9), -1):
            token = s.tokens[k]
            if token.text in _CLAUSE_ENDS:
                return False
            if any(f in kind.undergo_verbs for f in forms(token)):
                return True
        return False

    @staticmethod
    def _relative_before(s: _Sentence, kind: EventType, i: int) -> bool:
        return i > 0 and any(f in kind.relatives for f in forms(s.tokens[i - 1]))

    def _titled(self, s: _Sentence, j: int) -> str | None:
        """The one person whose role begins with the title after a verb: «رحب الوزير» for
        «وزير الخارجية فلان» named before; «رحب وزير الخارجية» for the same."""
        head = _bare(s.tokens[j])
        nxt = s.tokens[j + 1] if j + 1 < len(s.tokens) else None
        alone = nxt is None or nxt.kind != "word" or not _definite(nxt)  # «الوزير بـ», «الوزير،»
        found: set[str] = set()
        for person in self._roled:
            for role in person.roles:
                title = [w.removeprefix("ال") for w in normalize(role.title).split()]
                if not title or title[0] not in head:
                    continue
                if alone or len(title) == 1 or (nxt is not None and title[1] in _bare(nxt)):
                    found.add(person.id)
        return next(iter(found)) if len(found) == 1 else None

    def _unnamed_before(self, s: _Sentence, kind: EventType, i: int) -> bool:
        """Whether a verb's subject stands between it and «أن/إن» with no name: «أن الوفد
        سيوقع», «إن إدارة الجامعة وافقت»."""
        for k in range(i - 1, max(-1, i - 7), -1):
            token = s.tokens[k]
            if token.text in _CLAUSE_ENDS or k in self._verbs or k in s.covered:
                return False
            if any(f in kind.complementizers for f in forms(token)):
                return k < i - 1
        return False

    def _subject_before(self, s: _Sentence, kind: EventType, i: int) -> str | None:
        """A subject named right before its verb («القوات العراقية تستعيد», «أن الكويت
        أدانت»); not before «و» («زار الرياض واستقبل»), where a new clause starts."""
        token = s.tokens[i]
        if i == 0 or (token.prefix[:1] in ("و", "ف") and len(token.text) > 3):
            return None
        k = i - 1
        for ti, m in reversed(s.named):
            if ti <= k and s.tokens[k].start < m.end and m.entity.type in kind.agent_types:
                if not self._may_act(s, ti, m, kind):
                    return None
                return self._first_conjunct(s, ti, m, kind)
        return None

    def _support_verb(self, s: _Sentence, kind: EventType, i: int) -> int | None:
        """The verb that carries a noun trigger as its object: «عقد الأمير فلان ...
        اجتماعا», «شن التحالف غارات»; its subject is the noun's agent. Not past a
        relative clause or another event's verb («تشارك في ... التي فرت أثناء ... لغارات»)."""
        for k in range(i - 1, max(-1, i - 15), -1):
            token = s.tokens[k]
            if token.kind == "punct" and token.text not in ("،", ",", "(", ")"):
                return None
            if any(f in kind.support_verbs for f in forms(token)):
                return k
            if k in self._verbs or any(f in kind.relatives for f in forms(token)):
                return None
        return None

    def _unnamed(self, token: Token, kind: EventType) -> bool:
        """Whether a word after a verb is its subject, one not named («الوزير», «عدد»)."""
        return self._title(token, kind) or any(f in kind.unnamed for f in forms(token))

    def _may_act(self, s: _Sentence, ti: int, m: Located, kind: EventType) -> bool:
        """Whether a named entity may be an agent where it stands: not after «مع» or «ضد»,
        not a bare title taken for a name («الملكي»)."""
        if self._blocked(s, ti, kind) or not self._named(s, m, kind):
            return False
        k = ti - 1
        if k >= 0 and m.entity.type != "PER" and self._title(s.tokens[k], kind):
            return False  # «مدير الشركة السودانية وقع»: the company names the title
        # «بمحافظة حضرموت», «لمجلس التعاون»: named in a prepositional phrase
        return k < 0 or k in s.covered or not self._prepositional(s, k, kind)

    @staticmethod
    def _named(s: _Sentence, m: Located, kind: EventType) -> bool:
        """Whether an entity has a name of its own, not a title alone («الملكي»)."""
        name = normalize(m.entity.name)
        return (
            bool(name)
            and name not in kind.titles
            and normalize(s.text[m.start : m.end]) not in kind.titles
        )

    def _title(self, token: Token, kind: EventType) -> bool:
        return any(f in kind.titles for f in forms(token))

    def _prepositional(self, s: _Sentence, k: int, kind: EventType) -> bool:
        """Whether a word is a preposition or starts with one («بإعلان», «لمجلس»); in a
        name, whether the name follows one («بالرياض», but not «بلاتر»)."""
        token = s.tokens[k]
        if k in s.covered:
            return any(ti == k and self._clitic(s, ti, m, kind) for ti, m in s.named)
        if any(f in kind.party_words or f in kind.complementizers for f in forms(token)):
            return False
        if any(f in kind.prepositions for f in forms(token)):
            return True
        prefix = token.prefix.lstrip("وف")
        return bool(prefix) and prefix[0] in kind.preposition_clitics

    @staticmethod
    def _clitic(s: _Sentence, ti: int, m: Located, kind: EventType) -> bool:
        """Whether an entity's name follows a preposition clitic of its word («بالرياض»)."""
        token = s.tokens[ti]
        clitic = s.text[token.start : m.start].lstrip("وف") if m.start > token.start else ""
        return bool(clitic) and clitic[0] in kind.preposition_clitics

    def _blocked(self, s: _Sentence, ti: int, kind: EventType) -> bool:
        k = ti - 1
        while k >= 0 and s.tokens[k].kind == "punct":
            k -= 1
        return k >= 0 and any(f in kind.blockers for f in forms(s.tokens[k]))

    def _first_after(
        self,
        s: _Sentence,
        types: frozenset[str],
        lo: int,
        hi: int,
        kind: EventType,
        skip: set[str | None] | None = None,
    ) -> str | None:
        for ti, m in s.named:
            wanted = lo <= ti < hi and m.entity.type in types and m.entity.id not in (skip or set())
            if not wanted or not self._named(s, m, kind):
                continue
            if types is kind.target_types:
                if not self._placed(s, ti, m, kind) and not self._in_title(s, ti, m, kind):
                    return m.entity.id
            elif not self._blocked(s, ti, kind):
                return m.entity.id
        return None

    def _in_title(self, s: _Sentence, ti: int, m: Located, kind: EventType) -> bool:
        """Whether a place or organization belongs to a person's title: «رئيس جمهورية مصر
        العربية عبد الفتاح السيسي» (the person is meant)."""
        if m.entity.type == "PER":
            return False
        words = s.tokens[max(0, ti - 2) : ti]
        return any(self._title(t, kind) for t in words)

    def _placed(self, s: _Sentence, ti: int, m: Located, kind: EventType) -> bool:
        """Whether a named place is where the event happened, not its target: «في جدة»,
        «بجدة»."""
        if m.entity.type not in ("GPE", "LOC"):
            return False
        k = ti - 1
        before = k >= 0 and any(f in kind.place_cues for f in forms(s.tokens[k]))
        return before or self._clitic(s, ti, m, kind)

    def _last_before(self, s: _Sentence, kind: EventType, i: int) -> str | None:
        """The nearest entity before the trigger in its clause; before «الذي فاز» the one
        «الذي» stands for; none past another event's verb («أدانت الكويت الهجوم»)."""
        floor = max(0, i - kind.max_before)
        relative: int | None = None
        for k in range(i - 1, floor - 1, -1):
            if s.tokens[k].text in _CLAUSE_ENDS:
                floor = k + 1
                break
            if k in self._verbs:
                return None
            if any(f in kind.complementizers for f in forms(s.tokens[k])):
                floor = k + 1  # «قالت الوكالة بأن مدير الشركة وقع»: a clause of its own
                break
            if any(f in kind.relatives for f in forms(s.tokens[k])):
                floor, relative = k + 1, k
                break
        for ti, m in reversed(s.named):
            wanted = floor <= ti < i and m.entity.type in kind.agent_types
            if wanted and self._may_act(s, ti, m, kind) and not self._clitic(s, ti, m, kind):
                return self._first_conjunct(s, ti, m, kind)
        return None if relative is None else self._named_at(s, kind, relative - 1)

    def _first_conjunct(self, s: _Sentence, ti: int, m: Located, kind: EventType) -> str:
        """«السودان وإثيوبيا يوقعان»: of entities joined by «و», the first."""
        while s.tokens[ti].text.startswith("و") and ti > 0:
            earlier = self._named_at(s, kind, ti - 1)
            if earlier is None:
                break
            ti = next(t for t, x in s.named if x.entity.id == earlier and t < ti)
            m = next(x for t, x in s.named if t == ti)
        return m.entity.id

    def _clause_subject(self, s: _Sentence, kind: EventType, i: int) -> str | None:
        """The subject of the sentence a participle hangs on («... قال المدرب فلان إنه
        سيعود، مقدما شكره للنادي»): the first person or organization before it."""
        for ti, m in s.named:
            if ti >= i:
                break
            if m.entity.type in ("PER", "ORG") and self._may_act(s, ti, m, kind):
                return m.entity.id
        return None

    def _named_at(self, s: _Sentence, kind: EventType, k: int) -> str | None:
        """The entity whose name ends at token ``k`` (or before a dash there: «بلاتر –
        الذي»), if it may act."""
        while k > 0 and s.tokens[k].kind == "punct" and s.tokens[k].text in _DASHES:
            k -= 1
        for ti, m in reversed(s.named):
            if ti <= k and s.tokens[k].start < m.end and m.entity.type in kind.agent_types:
                return m.entity.id if self._may_act(s, ti, m, kind) else None
        return None

    def _after_cue(self, s: _Sentence, kind: EventType, after: int) -> str | None:
        for k in range(after, min(len(s.tokens), after + kind.cue_window)):
            cue = match_phrase(kind.agent_cues, s.tokens, k, 4)
            if cue is not None:
                end = k + cue[1]
                for ti, m in s.named:
                    if end <= ti < end + kind.cue_reach and m.entity.type in kind.agent_types:
                        return m.entity.id
        return None

    def _target(self, s: _Sentence, kind: EventType, j: int, agent: str | None) -> str | None:
        """The first entity after the trigger, past the agent when it is named there («استنكر
        الأمين العام لجامعة الدول العربية الدكتور فلان الهجوم»: not the agent's title)."""
        lo = j
        if agent is not None:
            named_after = [ti for ti, m in s.named if ti >= j and m.entity.id == agent]
            if named_after and named_after[0] < j + kind.subject_window:
                lo = named_after[0] + 1
        return self._first_after(s, kind.target_types, lo, lo + kind.max_after, kind, {agent})

    def _place(self, s: _Sentence, kind: EventType, taken: set[str | None], i: int) -> str | None:
        for ti, m in s.named:
            if m.entity.type not in ("GPE", "LOC") or m.entity.id in taken:
                continue
            if abs(ti - i) > kind.place_window:
                continue
            tok = s.tokens[ti]
            cue = ti > 0 and any(f in kind.place_cues for f in forms(s.tokens[ti - 1]))
            if cue or tok.prefix.startswith("ب"):
                return m.entity.id
        return None

    def _participants(self, s: _Sentence, kind: EventType, place: str | None) -> list[str]:
        found: list[str] = []
        for ti, m in s.named:
            entity = m.entity
            wanted = entity.type in kind.agent_types and entity.id not in (place, *found)
            if wanted and not self._blocked(s, ti, kind):
                found.append(entity.id)
        return found

    def _speaker(self, s: _Sentence, offset: int) -> str | None:
        """The speaker of the quote the trigger is in, else of the sentence's first quote."""
        quote: Quote
        inside = [
            q for q in self.article.quotes if q.field == s.field and s.start <= q.start < s.end
        ]
        for quote in inside:
            if quote.start <= offset < quote.end:
                return quote.speaker
        return inside[0].speaker if inside else None

    def _dates(self, s: _Sentence) -> list[DateMention]:
        return [d for d in self.article.dates if d.field == s.field and s.start <= d.start < s.end]

    def _amount(self, s: _Sentence, need: str, offset: int) -> int | None:
        best: tuple[int, int] | None = None
        for index, amount in enumerate(self.article.amounts):
            if amount.field != s.field or not s.start <= amount.start < s.end:
                continue
            if not _kind_ok(amount, need):
                continue
            distance = abs(amount.start - offset) + (1000 if amount.start < offset else 0)
            if best is None or distance < best[0]:
                best = (distance, index)
        return None if best is None else best[1]

    def _mode(self, s: _Sentence, kind: EventType) -> str | None:
        """The first mode phrase of the sentence (remembered for the sentence read now)."""
        if not kind.modes:
            return None
        known = self._modes.get(id(kind.modes), _UNSEEN)
        if known is not _UNSEEN:
            return known
        mode: str | None = None
        for k in form_positions(s.tokens, first_words(kind.modes)):
            hit = match_phrase(kind.modes, s.tokens, k, 4)
            if hit is not None:
                mode = hit[0]
                break
        self._modes[id(kind.modes)] = mode
        return mode


def _fuller_persons(entities: Sequence[Entity]) -> dict[str, str]:
    """Each person named in short by another person's first and last names («ماجد
    القصبي» for «ماجد بن عبدالله القصبي»): the one fuller person, when there is one."""
    persons = [(e.id, normalize(e.name).split()) for e in entities if e.type == "PER"]
    found: dict[str, str] = {}
    for pid, words in persons:
        if len(words) < 2:
            continue
        longer = [
            qid
            for qid, other in persons
            if len(other) > len(words) and other[0] == words[0] and other[-1] == words[-1]
        ]
        if len(longer) == 1:
            found[pid] = longer[0]
    return found


def _resolve(event: Event, fuller: dict[str, str]) -> None:
    if event.agent in fuller:
        event.agent = fuller[event.agent]
    if event.target in fuller:
        event.target = fuller[event.target]
    event.participants = list(dict.fromkeys(fuller.get(p, p) for p in event.participants))


def _bare(token: Token) -> set[str]:
    """A word's forms, and each without the article: «والوزير» gives «وزير»."""
    found = set(forms(token))
    return found | {f.removeprefix("ال") for f in found}


def _definite(token: Token) -> bool:
    """Whether a word carries the article («الزيارة», «وللاجتماع»)."""
    return token.prefix.endswith("ال") or token.prefix.endswith("لل")


def _inside(token: Token, mention: Located) -> bool:
    """Whether a word is part of an entity's name («للإغاثة» in «مركز ... للإغاثة»)."""
    return mention.start <= token.base_start and token.end <= mention.end


def _kind_ok(amount: Amount, need: str) -> bool:
    money = len(amount.unit) == 3 and amount.unit.isupper()
    if need == "money":
        return money
    if need == "count":
        return not money and amount.unit != "percent"
    return True


def _merge(drafts: list[Event], names: dict[str, str], fresh: dict[int, bool]) -> list[Event]:
    """One event told several times (title, lead, body) becomes one; but two told as news
    in the body, each by a verb or an indefinite noun («عقد اجتماعا ثنائيا ... ثم عقدا
    اجتماعا موسعا»), are two unless they name the same target."""
    merged: list[Event] = []
    for draft in drafts:
        same = next(
            (m for m in merged if _compatible(m, draft) and not _apart(m, draft, fresh)), None
        )
        if same is None and draft.trigger.field == "title":
            # the headline names the body's agent in short, with words of its name:
            # «الجامعة العربية» for «جامعة الدول العربية»
            same = next((m for m in merged if _retold(m, draft, names)), None)
        if same is None:
            merged.append(draft)
            continue
        for name in ("agent", "target", "place", "date", "amount", "mode"):
            if getattr(same, name) is None:
                setattr(same, name, getattr(draft, name))
        same.participants.extend(p for p in draft.participants if p not in same.participants)
    return merged


def _apart(a: Event, b: Event, fresh: dict[int, bool]) -> bool:
    if id(a) not in fresh or id(b) not in fresh or "title" in (a.trigger.field, b.trigger.field):
        return False
    if a.agent is None or b.agent is None:
        return False
    if a.target is None and b.target is None:
        # «مارادونا الذي صفق ... الذي صفق له»: the same verb told twice is one event
        verbs = fresh[id(a)] and fresh[id(b)]
        return not verbs or normalize(a.trigger.text) != normalize(b.trigger.text)
    return a.target != b.target


def _retold(body: Event, title: Event, names: dict[str, str]) -> bool:
    if body.type != title.type or body.agent is None or title.agent is None:
        return False
    words = [
        {w.removeprefix("ال") for w in normalize(names.get(x, "")).split() if len(w) > 3}
        for x in (body.agent, title.agent)
    ]
    shorter, longer = sorted(words, key=len)
    return bool(shorter) and shorter <= longer


def _compatible(a: Event, b: Event) -> bool:
    """Whether two drafts can be one event: of one type, with no argument that differs,
    but for one of them naming as agent or target a party of the other."""
    if a.type != b.type or (None not in (a.amount, b.amount) and a.amount != b.amount):
        return False
    parties_a = {a.agent, a.target, *a.participants}
    parties_b = {b.agent, b.target, *b.participants}
    return all(
        x is None or y is None or x == y or x in parties_b or y in parties_a
        for x, y in ((a.agent, b.agent), (a.target, b.target))
    )


def find_events(article: Article, inventory: Inventory | None = None) -> list[Event]:
    """Events of an article whose entities, amounts, dates and quotes are filled."""
    return _Finder(article, inventory or default_inventory()).run()


@dataclass(frozen=True, slots=True)
class EventStage:
    """The ``events`` stage, with the packaged inventory or one given."""

    inventory: Inventory | None = None
    name: str = "events"
    requires: tuple[str, ...] = ("title", "lead", "body", "entities", "amounts", "dates", "quotes")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, article: Article) -> Article:
        article.events = find_events(article, self.inventory)
        return article


register_stage(EventStage())
