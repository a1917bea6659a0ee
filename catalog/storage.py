"""Object storage for raw uploaded files and reports: a local folder or an S3 bucket.

Objects are create-only and addressed by relative POSIX keys; every put records size and SHA-256.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Protocol, cast
from urllib.parse import urlsplit

import boto3
from boto3.exceptions import Boto3Error
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

CHUNK_SIZE = 1024 * 1024
PART_SIZE = 8 * 1024 * 1024
# Temporary names written next to objects while they are being stored; never valid keys.
_TEMP_NAME = re.compile(r"\.tmp-[0-9a-f]{32}\.part")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class StorageError(Exception):
    """Base class of every storage error."""


class ObjectExists(StorageError):
    """An object is already stored under the key; objects are never overwritten."""


class ObjectNotFound(StorageError):
    """No object is stored under the key."""


class StorageUnavailable(StorageError):
    """The store cannot be used at all (folder not writable, bucket missing, endpoint down)."""


class UnsafeKey(StorageError, ValueError):
    """The key is not a safe relative POSIX path inside the store."""


# What a store may raise when it cannot be used: its own error, or the S3 client's.
STORAGE_FAILURES = (StorageUnavailable, BotoCoreError, ClientError, Boto3Error)


def safe_file_name(name: str) -> str:
    """The last part of an uploaded file's name, with only letters, digits and . - ( ) _ and spaces."""
    base = re.split(r"[\\/]", name or "")[-1].strip().strip(".")
    base = re.sub(r"[^\w.\-() ]+", "_", base)[:120]
    return base or "upload"


class Readable(Protocol):
    """All put() asks of a stream: reads of bytes until an empty one (an open file, a request body, a
    wrapper that counts or limits what passes)."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


class ObjectStore(Protocol):
    """The contract LocalStore and S3Store share.

    put streams a new object, hashing it on the way (ObjectExists if the key is taken); open and
    verify raise ObjectNotFound for a missing key, delete does not; keys yields the keys starting
    with prefix; ping raises StorageUnavailable when the store cannot be used.
    """

    def put(self, key: str, stream: Readable, *, content_type: str | None = None) -> StoredObject: ...
    def open(self, key: str) -> BinaryIO: ...
    def exists(self, key: str) -> bool: ...
    def delete(self, key: str) -> None: ...
    def keys(self, prefix: str = "") -> Iterator[str]: ...
    def ping(self) -> None: ...
    def verify(self, key: str, sha256: str) -> bool: ...


def check_key(key: str) -> str:
    """Return the key if it is a safe relative POSIX path, else raise UnsafeKey."""
    if not key or key.startswith("/") or "\\" in key or _CONTROL.search(key):
        raise UnsafeKey(f"unsafe storage key {key!r}")
    for segment in key.split("/"):
        if segment in ("", ".", "..") or _TEMP_NAME.fullmatch(segment):
            raise UnsafeKey(f"unsafe storage key {key!r}")
    return key


def _check_prefix(prefix: str) -> str:
    if prefix.rstrip("/"):
        check_key(prefix.rstrip("/"))
    return prefix


def _temp_name() -> str:
    return f".tmp-{secrets.token_hex(16)}.part"


class _HashingReader:
    """Wraps a stream, hashing and counting every byte read through it.

    Deliberately not seekable, so boto3 reads it once, in order, from a single thread.
    """

    def __init__(self, stream: Readable):
        self._stream = stream
        self._digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def read(self, size: int = -1) -> bytes:
        # Fill up to `size`: s3transfer takes a short read for the end of the stream.
        data = bytearray()
        while size < 0 or len(data) < size:
            chunk = self._stream.read(CHUNK_SIZE if size < 0 else min(size - len(data), CHUNK_SIZE))
            if not chunk:
                break
            data += chunk
        self._digest.update(data)
        self.size += len(data)
        return bytes(data)

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def _matches(stream: BinaryIO, sha256: str) -> bool:
    with stream:
        reader = _HashingReader(stream)
        while reader.read(CHUNK_SIZE):
            pass
    return reader.hexdigest() == sha256.lower()


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class LocalStore:
    """Objects as files under a root folder, published atomically and never overwritten."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, stream: Readable, *, content_type: str | None = None) -> StoredObject:
        path = self._path(key)
        if path.exists():
            raise ObjectExists(f"object already exists: {key}")
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.parent / _temp_name()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with os.fdopen(fd, "wb") as out:
                reader = _HashingReader(stream)
                while chunk := reader.read(CHUNK_SIZE):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            try:
                # link, unlike rename, fails when the name exists: two concurrent writers cannot both win.
                os.link(temp, path)
            except FileExistsError:
                raise ObjectExists(f"object already exists: {key}") from None
            _fsync_dir(path.parent)
        finally:
            temp.unlink(missing_ok=True)
        return StoredObject(key, reader.size, reader.hexdigest())

    def open(self, key: str) -> BinaryIO:
        try:
            return self._path(key).open("rb")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            raise ObjectNotFound(f"no object stored under {key}") from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        path = self._path(key)
        if path.is_file():
            path.unlink(missing_ok=True)

    def keys(self, prefix: str = "") -> Iterator[str]:
        start = self.root / _check_prefix(prefix).rpartition("/")[0]
        found = []
        for folder, _, names in os.walk(start):
            for name in names:
                key = Path(folder, name).relative_to(self.root).as_posix()
                if key.startswith(prefix) and not _TEMP_NAME.fullmatch(name):
                    found.append(key)
        yield from sorted(found)

    def ping(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StorageUnavailable(f"storage folder {self.root} exists but is not a folder")
        probe = self.root / _temp_name()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            probe.unlink()
        except OSError as exc:
            raise StorageUnavailable(
                f"storage folder {self.root} is not writable: {exc.strerror or exc}") from exc

    def verify(self, key: str, sha256: str) -> bool:
        return _matches(self.open(key), sha256)


class S3Store:
    """Objects in an S3 (or S3-compatible) bucket under a key prefix."""

    def __init__(self, bucket: str, prefix: str = "", endpoint_url: str | None = None,
                 client: Any = None, region: str | None = None):
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = client or _s3_client(endpoint_url, region)
        # "classic": the hash relies on s3transfer reading the stream sequentially.
        self.transfer = TransferConfig(multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE,
                                       max_concurrency=4, preferred_transfer_client="classic")
        self.transfer.max_in_memory_upload_chunks = 4  # bounds memory to 4 parts in flight

    def _full(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def put(self, key: str, stream: Readable, *, content_type: str | None = None) -> StoredObject:
        full = self._full(check_key(key))
        if self.exists(key):
            raise ObjectExists(f"object already exists: {key}")
        # The checksum is only known after streaming, but metadata must be set when an object is
        # created: upload to a staging key, then copy server-side with the metadata. Staging keys
        # share one prefix so a lifecycle rule can expire those left by a crash.
        staging = self._full(_temp_name())
        reader = _HashingReader(stream)
        self.client.upload_fileobj(reader, self.bucket, staging, Config=self.transfer)
        try:
            # Check-then-copy leaves a small race between two writers; a conditional write
            # (If-None-Match: *) would be the stronger guard where the server supports it.
            if self.exists(key):
                raise ObjectExists(f"object already exists: {key}")
            extra = {"Metadata": {"sha256": reader.hexdigest()}, "MetadataDirective": "REPLACE",
                     "ContentType": content_type or "application/octet-stream"}
            self.client.copy({"Bucket": self.bucket, "Key": staging}, self.bucket, full,
                             ExtraArgs=extra, Config=self.transfer)
        finally:
            self.client.delete_object(Bucket=self.bucket, Key=staging)
        return StoredObject(key, reader.size, reader.hexdigest())

    def open(self, key: str) -> BinaryIO:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self._full(check_key(key)))
        except ClientError as exc:
            if _error_code(exc) in ("404", "NoSuchKey"):
                raise ObjectNotFound(f"no object stored under {key}") from None
            raise
        return cast(BinaryIO, response["Body"])

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._full(check_key(key)))
        except ClientError as exc:
            if _error_code(exc) in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._full(check_key(key)))

    def keys(self, prefix: str = "") -> Iterator[str]:
        skip = len(self.prefix) + 1 if self.prefix else 0
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self._full(_check_prefix(prefix)))
        for page in pages:
            for item in page.get("Contents", []):
                key = item["Key"][skip:]
                if not _TEMP_NAME.fullmatch(key.rpartition("/")[2]):
                    yield key

    def ping(self) -> None:
        where = f"S3 bucket {self.bucket!r} at {self.client.meta.endpoint_url}"
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            reason = {"404": "does not exist", "NoSuchBucket": "does not exist",
                      "403": "denies access to these credentials"}.get(_error_code(exc), str(exc))
            raise StorageUnavailable(f"{where} {reason}") from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(f"{where} cannot be reached: {exc}") from exc

    def verify(self, key: str, sha256: str) -> bool:
        return _matches(self.open(key), sha256)


def _s3_client(endpoint_url: str | None, region: str | None) -> Any:
    # A session of its own: boto3's default session is shared, caches credentials and is not thread-safe.
    session = boto3.session.Session()
    config = Config(
        # S3-compatible servers may reject the default CRC checksums of newer botocore.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        connect_timeout=3, read_timeout=10,
        retries={"max_attempts": 2, "mode": "standard"},  # so that ping fails within seconds
        s3={"addressing_style": "path"} if endpoint_url else None,
    )
    return session.client("s3", endpoint_url=endpoint_url, config=config,
                          region_name=region or session.region_name or "us-east-1")


def open_store(settings: Any) -> ObjectStore:
    """The store named by settings.storage_url: file:///folder or s3://bucket/prefix."""
    url: str = settings.storage_url
    if url.startswith("file://"):
        return LocalStore(Path(url[len("file://"):]))
    if url.startswith("s3://"):
        parts = urlsplit(url)
        return S3Store(parts.netloc, parts.path, endpoint_url=settings.s3_endpoint_url)
    raise StorageError(f"unsupported storage URL {url!r}: expected file:///folder or s3://bucket/prefix")
