"""Scale-out: the ingest pipeline over partitions of the input on a Dask cluster.

>>> from marsad.scale import ingest_dask
>>> report = ingest_dask("postgresql://marsad@db/news", ["crawl/*.warc.gz"],   # doctest: +SKIP
...                      scheduler="tcp://10.0.0.5:8786")
>>> print(report.summary())                                                     # doctest: +SKIP

Records are those of the process-pool engine (:func:`marsad.archive.ingest.ingest`) for the same
input: both call :func:`marsad.archive.ingest.process`. Dask is optional
(``pip install 'marsad[dask]'``) and imported only when a run starts; see ``docs/operations.md``.
"""

from .engine import DaskMissingError, ScaleReport, ingest_dask, local_cluster
from .partitions import DEFAULT_PARTITION_BYTES, Partition, Piece, partitions

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "DaskMissingError",
    "Partition",
    "Piece",
    "ScaleReport",
    "ingest_dask",
    "local_cluster",
    "partitions",
]
