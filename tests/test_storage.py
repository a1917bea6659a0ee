"""Contract tests for catalog.storage, run over a local folder and a local moto S3 server."""
from __future__ import annotations

import hashlib
import io
import random
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from catalog.storage import (
    LocalStore, ObjectExists, ObjectNotFound, ObjectStore, S3Store, StorageUnavailable,
    StoredObject, UnsafeKey, open_store,
)
from tests.conftest import BUCKET, closed_port, fake_aws_env  # the moto fixture lives there too

MB = 1024 * 1024
UNSAFE_KEYS = ["", "/etc/passwd", "../x", "a/../../x", "a\\b", "a\x00b", "./a",
               "a/./b", "a//b", "a/", "a\nb", "a/.tmp-0123456789abcdef0123456789abcdef.part"]


@dataclass
class Backend:
    store: ObjectStore
    tamper: Callable[[str, bytes], None]
    unusable: Callable[[], list[tuple[ObjectStore, str]]]  # stores whose ping fails, and the name it gives
    leftovers: Callable[[], list[str]]  # traces of unfinished writes
    operations: list[str] = field(default_factory=list)  # S3 API calls the store made


@pytest.fixture(params=["local", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "local":
        root = tmp_path / "store"
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder")
        return Backend(
            store=LocalStore(root),
            tamper=lambda key, data: (root / key).write_bytes(data),
            unusable=lambda: [(LocalStore(blocker), str(blocker)), (LocalStore(blocker / "sub"), str(blocker))],
            leftovers=lambda: [str(p) for p in root.rglob("*") if p.is_file()] if root.exists() else [],
        )
    endpoint, raw = request.getfixturevalue("moto")
    fake_aws_env(request.getfixturevalue("monkeypatch"), tmp_path)
    prefix = f"tests/{uuid.uuid4().hex}"  # each test gets its own corner of the shared bucket
    store = S3Store(BUCKET, prefix, endpoint_url=endpoint)
    operations: list[str] = []
    store.client.meta.events.register("before-call.s3.*", lambda model, **_: operations.append(model.name))

    def leftovers() -> list[str]:
        objects = raw.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
        uploads = raw.list_multipart_uploads(Bucket=BUCKET, Prefix=prefix).get("Uploads", [])
        return [o["Key"] for o in objects] + [u["Key"] for u in uploads]

    return Backend(
        store=store,
        tamper=lambda key, data: raw.put_object(Bucket=BUCKET, Key=f"{prefix}/{key}", Body=data),
        unusable=lambda: [(S3Store("no-such-bucket", "x", endpoint_url=endpoint), "no-such-bucket"),
                          (S3Store(BUCKET, "x", endpoint_url=f"http://127.0.0.1:{closed_port()}"), BUCKET)],
        leftovers=leftovers,
        operations=operations,
    )


class Trickle(io.RawIOBase):
    """A non-seekable stream returning short reads of odd sizes, like a network upload."""

    def __init__(self, data: bytes, fail_after: int | None = None):
        self._data = memoryview(data)
        self._pos = 0
        self._fail_after = fail_after
        self._sizes = random.Random(1).choice

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._fail_after is not None and self._pos >= self._fail_after:
            raise OSError("client went away")
        size = min(size if size >= 0 else len(self._data), self._sizes([1, 4093, 65536, 300_001]))
        chunk = bytes(self._data[self._pos:self._pos + size])
        self._pos += len(chunk)
        return chunk


def read_all(store: ObjectStore, key: str) -> bytes:
    with store.open(key) as stream:
        return stream.read()


def test_round_trip_of_a_large_stream(backend: Backend) -> None:
    data = random.Random(7).randbytes(12 * MB + 12345)
    stored = backend.store.put("submissions/12/raw/occurrence.csv", Trickle(data), content_type="text/csv")
    assert stored == StoredObject("submissions/12/raw/occurrence.csv", len(data), hashlib.sha256(data).hexdigest())
    assert read_all(backend.store, stored.key) == data
    assert backend.store.exists(stored.key)
    assert backend.store.verify(stored.key, stored.sha256)
    if isinstance(backend.store, S3Store):
        assert backend.operations.count("UploadPart") == 2  # 8 MB parts
        head = backend.store.client.head_object(Bucket=BUCKET, Key=f"{backend.store.prefix}/{stored.key}")
        assert head["Metadata"] == {"sha256": stored.sha256}
        assert head["ContentType"] == "text/csv"


def test_small_and_empty_objects(backend: Backend) -> None:
    assert backend.store.put("a/empty", io.BytesIO(b"")) == StoredObject("a/empty", 0, hashlib.sha256(b"").hexdigest())
    assert backend.store.put("a/small", io.BytesIO(b"hello")).size == 5
    assert read_all(backend.store, "a/empty") == b""
    assert read_all(backend.store, "a/small") == b"hello"


def test_put_is_create_only(backend: Backend) -> None:
    backend.store.put("reports/r.txt", io.BytesIO(b"original"))
    with pytest.raises(ObjectExists):
        backend.store.put("reports/r.txt", io.BytesIO(b"replacement"))
    assert read_all(backend.store, "reports/r.txt") == b"original"


def test_missing_objects(backend: Backend) -> None:
    with pytest.raises(ObjectNotFound):
        backend.store.open("no/such/object")
    with pytest.raises(ObjectNotFound):
        backend.store.verify("no/such/object", hashlib.sha256(b"").hexdigest())
    assert not backend.store.exists("no/such/object")
    backend.store.delete("no/such/object")


def test_keys_lists_exactly_what_was_put(backend: Backend) -> None:
    assert list(backend.store.keys()) == []
    for key in ["submissions/1/raw/a.csv", "submissions/1/raw/b.csv", "submissions/12/raw/c.csv", "reports/x"]:
        backend.store.put(key, io.BytesIO(key.encode()))
    assert sorted(backend.store.keys()) == ["reports/x", "submissions/1/raw/a.csv",
                                            "submissions/1/raw/b.csv", "submissions/12/raw/c.csv"]
    assert sorted(backend.store.keys("submissions/1/")) == ["submissions/1/raw/a.csv", "submissions/1/raw/b.csv"]
    assert sorted(backend.store.keys("submissions/1")) == ["submissions/1/raw/a.csv", "submissions/1/raw/b.csv",
                                                           "submissions/12/raw/c.csv"]
    assert list(backend.store.keys("nothing/")) == []


def test_delete(backend: Backend) -> None:
    backend.store.put("a/b", io.BytesIO(b"x"))
    backend.store.delete("a/b")
    assert not backend.store.exists("a/b")
    assert list(backend.store.keys()) == []
    backend.store.put("a/b", io.BytesIO(b"new"))  # the key can be used again
    assert read_all(backend.store, "a/b") == b"new"


def test_verify_detects_tampering(backend: Backend) -> None:
    stored = backend.store.put("raw/data.bin", io.BytesIO(b"genuine bytes"))
    assert backend.store.verify(stored.key, stored.sha256)
    assert backend.store.verify(stored.key, stored.sha256.upper())
    backend.tamper(stored.key, b"genuine bytez")
    assert not backend.store.verify(stored.key, stored.sha256)


@pytest.mark.parametrize("key", UNSAFE_KEYS, ids=repr)
def test_unsafe_keys_are_rejected(backend: Backend, key: str) -> None:
    store = backend.store
    for call in (lambda: store.put(key, io.BytesIO(b"x")), lambda: store.open(key),
                 lambda: store.exists(key), lambda: store.delete(key), lambda: store.verify(key, "0")):
        with pytest.raises(UnsafeKey):
            call()
    assert backend.leftovers() == []


def test_unsafe_prefix_is_rejected(backend: Backend) -> None:
    with pytest.raises(UnsafeKey):
        list(backend.store.keys("../"))


def test_ping(backend: Backend) -> None:
    backend.store.ping()


def test_ping_on_an_unusable_store(backend: Backend) -> None:
    for store, name in backend.unusable():
        with pytest.raises(StorageUnavailable, match=name):
            store.ping()


def test_failing_stream_leaves_nothing_behind(backend: Backend) -> None:
    data = random.Random(3).randbytes(10 * MB)
    with pytest.raises(OSError, match="client went away"):
        backend.store.put("submissions/9/raw/broken.csv", Trickle(data, fail_after=9 * MB))
    assert not backend.store.exists("submissions/9/raw/broken.csv")
    assert list(backend.store.keys()) == []
    assert backend.leftovers() == []


def test_concurrent_local_writers_cannot_both_win(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    both_writing = threading.Barrier(2, timeout=10)

    class Stalling(io.BytesIO):
        def read(self, size: int = -1) -> bytes:  # both writers get past the existence check first
            if self.tell() == 0:
                both_writing.wait()
            return super().read(size)

    outcomes: list[object] = []

    def write(data: bytes) -> None:
        try:
            outcomes.append(store.put("same/key", Stalling(data)))
        except ObjectExists as exc:
            outcomes.append(exc)

    writers = [threading.Thread(target=write, args=(data,)) for data in (b"first", b"second")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    winners = [o for o in outcomes if isinstance(o, StoredObject)]
    assert len(winners) == 1 and sum(isinstance(o, ObjectExists) for o in outcomes) == 1
    assert store.verify("same/key", winners[0].sha256)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["key"]


def test_open_store_picks_the_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    @dataclass
    class FakeSettings:
        storage_url: str
        s3_endpoint_url: str | None = None

    local = open_store(FakeSettings(f"file://{tmp_path / 'objects'}"))
    assert isinstance(local, LocalStore) and local.root == tmp_path / "objects"
    fake_aws_env(monkeypatch, tmp_path)
    s3 = open_store(FakeSettings("s3://bucket-name/some/prefix", "http://127.0.0.1:1"))
    assert isinstance(s3, S3Store)
    assert (s3.bucket, s3.prefix, s3.client.meta.endpoint_url) == ("bucket-name", "some/prefix", "http://127.0.0.1:1")
