"""The submission flow with its files on S3 (the moto server of tests/conftest.py).

Raw uploads and validation reports land in the bucket under the submission's keys, with the SHA-256 the
database records; the same file twice stays one object; an unreachable endpoint refuses the upload with a
clear error and leaves no submission behind.
"""
from __future__ import annotations

import hashlib
import io
import json
import time
import uuid

import pytest
from sqlalchemy import func, select

from catalog.app import create_app
from catalog.cli import main
from catalog.config import Settings
from catalog.models import AuditEntry, Submission
from catalog.errors import StorageFailed
from tests.conftest import BUCKET, closed_port, fake_aws_env
from tests.ingest.test_submissions import csv_file, people, row, upload  # noqa: F401  (people is a fixture)


@pytest.fixture
def s3_endpoint(moto) -> str:
    return moto[0]


@pytest.fixture
def s3_prefix() -> str:
    return f"catalog/{uuid.uuid4().hex}"  # each test gets its own corner of the shared bucket


@pytest.fixture
def settings(var_dir, database_values, s3_endpoint, s3_prefix, monkeypatch, tmp_path) -> Settings:
    """The conftest services, with object storage on S3: credentials come from the AWS_* variables."""
    fake_aws_env(monkeypatch, tmp_path)
    monkeypatch.setenv("CATALOG_STORAGE_URL", f"s3://{BUCKET}/{s3_prefix}")  # for the command line tests
    monkeypatch.setenv("CATALOG_S3_ENDPOINT_URL", s3_endpoint)
    return Settings.from_env({"CATALOG_VAR_DIR": str(var_dir), "CATALOG_STORAGE_URL": f"s3://{BUCKET}/{s3_prefix}",
                              "CATALOG_S3_ENDPOINT_URL": s3_endpoint, **database_values})


def bucket_keys(raw, prefix: str) -> list[str]:
    """Every object and unfinished multipart upload under the prefix, as keys relative to it."""
    objects = raw.list_objects_v2(Bucket=BUCKET, Prefix=prefix + "/").get("Contents", [])
    uploads = raw.list_multipart_uploads(Bucket=BUCKET, Prefix=prefix + "/").get("Uploads", [])
    return sorted(item["Key"][len(prefix) + 1:] for item in objects + uploads)


def fetch(raw, key: str) -> tuple[bytes, dict]:
    response = raw.get_object(Bucket=BUCKET, Key=key)
    return response["Body"].read(), response


def test_the_whole_flow_keeps_its_files_in_the_bucket(services, people, moto, s3_prefix):
    _, raw = moto
    curator, reviewer = people["curator"], people["reviewer"]
    body = csv_file(row(1), row(2), row(3, lat="north"), row(4, sharing="confidential")).getvalue()
    submission = upload(services, curator, io.BytesIO(body))
    assert submission.state == "validated"
    assert submission.summary["summary"] == {"rows": 4, "valid": 3, "invalid": 1, "warnings": 0}

    folder = submission.storage_key.rsplit("/", 1)[0]
    assert submission.storage_key == f"{folder}/specimens.csv" and folder.startswith("submissions/IHB/")
    assert submission.report_key == f"{folder}/report.json"
    report_csv = f"{folder}/report.csv"
    assert bucket_keys(raw, s3_prefix) == sorted([submission.storage_key, submission.report_key, report_csv])

    data, response = fetch(raw, f"{s3_prefix}/{submission.storage_key}")
    assert data == body and submission.size_bytes == len(body)
    assert hashlib.sha256(data).hexdigest() == submission.sha256  # what the database recorded is what S3 holds
    assert response["Metadata"] == {"sha256": submission.sha256} and response["ContentType"] == "text/csv"
    report, response = fetch(raw, f"{s3_prefix}/{submission.report_key}")
    assert response["Metadata"] == {"sha256": hashlib.sha256(report).hexdigest()}
    assert response["ContentType"] == "application/json"
    assert json.loads(report)["summary"] == submission.summary["summary"]
    with services.submissions.report(curator, submission.id) as handle:  # read back through the service
        assert handle.read() == report
    assert services.store.verify(submission.storage_key, submission.sha256)

    again = upload(services, curator, io.BytesIO(body))
    assert again.id == submission.id
    report_csv = f"{folder}/report.csv"
    assert bucket_keys(raw, s3_prefix) == sorted([submission.storage_key, submission.report_key, report_csv])  # still one file

    services.submissions.submit(curator, submission.id, valid_rows_only=True)
    approved = services.submissions.approve(reviewer, submission.id)
    services.jobs.wait()
    assert approved.state == "approved" and services.resources.count() == 3
    report_csv = f"{folder}/report.csv"
    assert bucket_keys(raw, s3_prefix) == sorted([submission.storage_key, submission.report_key, report_csv])

    response = create_app(services=services).test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["checks"]["storage"] == "ok"


class TestUnreachableEndpoint:
    @pytest.fixture
    def s3_endpoint(self) -> str:
        return f"http://127.0.0.1:{closed_port()}"  # nothing listens there

    def test_upload_fails_clearly_and_leaves_no_submission(self, services, people, s3_endpoint):
        started = time.monotonic()
        with pytest.raises(StorageFailed) as caught:
            services.submissions.upload(people["curator"], "IHB", "specimens.csv", csv_file(row(1)),
                                        content_type="text/csv")
        assert time.monotonic() - started < 20  # refused within the client's few retries, not hung
        error = caught.value
        assert (error.code, error.status) == ("storage_unavailable", 503)
        assert "file store is unavailable" in error.message["en"] and "specimens.csv" in error.message["en"]
        assert "文件存储暂不可用" in error.message["zh"]
        assert s3_endpoint not in str(error.message)  # the endpoint is for the operator's log, not the curator
        with services.session_factory() as session:
            assert session.scalar(select(func.count()).select_from(Submission)) == 0
            assert session.scalar(select(func.count()).select_from(AuditEntry)
                                  .where(AuditEntry.action == "submission.upload")) == 0

        response = create_app(services=services).test_client().get("/healthz")
        assert response.status_code == 503
        assert response.get_json()["checks"]["storage"].startswith("error: ")

    def test_the_command_line_says_so_without_a_traceback(self, services, people, runner, tmp_path):
        path = tmp_path / "specimens.csv"
        path.write_bytes(csv_file(row(1)).getvalue())
        result = runner.invoke(main, ["ingest", str(path), "--center", "IHB"])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output  # not a crash
        assert "The file store is unavailable" in result.output and "Traceback" not in result.output
        with services.session_factory() as session:
            assert session.scalar(select(func.count()).select_from(Submission)) == 0
