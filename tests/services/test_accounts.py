"""Users, roles and API tokens: tokens are stored hashed, and revoked or expired ones are refused."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from catalog.enums import Role
from catalog.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated
from catalog.models import ApiToken, AuditEntry, User, utcnow
from catalog.services.accounts import hash_token
from tests.services.conftest import OPERATOR


def test_roles_are_scoped(services, registry):
    curator, reviewer = registry[Role.CURATOR], registry[Role.REVIEWER]
    with services.session_factory() as session:
        from catalog.models import Center
        hbpg, hbms = (session.scalar(select(Center).where(Center.code == code)) for code in ("HBPG", "HBMS"))
    assert curator.curates(hbpg.id) and not curator.curates(hbms.id)
    assert reviewer.reviews(hbpg.department_id) and not reviewer.reviews(hbms.department_id)
    assert registry[Role.ADMIN].curates(hbms.id)


def test_user_creation_checks(services, registry):
    with pytest.raises(Conflict):
        services.accounts.create_user(OPERATOR, "ada", "another-password", "researcher")
    with pytest.raises(InvalidInput, match="needs --center"):
        services.accounts.create_user(OPERATOR, "cur2", "long-password", "curator")
    with pytest.raises(NotFound, match="NOPE"):
        services.accounts.create_user(OPERATOR, "cur2", "long-password", "curator", center_code="NOPE")
    with pytest.raises(InvalidInput, match="at least 8"):
        services.accounts.create_user(OPERATOR, "shorty", "short", "researcher")
    with pytest.raises(InvalidInput, match="Unknown role"):
        services.accounts.create_user(OPERATOR, "odd", "long-password", "overlord")
    with pytest.raises(Forbidden):
        services.accounts.create_user(registry[Role.CURATOR], "mine", "long-password", "researcher")


@pytest.mark.real_password_hashes
def test_passwords_are_stored_as_scrypt_hashes_and_checked(services):
    services.accounts.create_user(OPERATOR, "eve", "eve-password", "researcher")
    with services.session_factory() as session:
        stored = session.scalar(select(User).where(User.username == "eve")).password_hash
    assert stored.startswith("scrypt:") and "eve-password" not in stored
    assert services.accounts.authenticate("eve", "eve-password").is_authenticated
    with pytest.raises(Unauthenticated):
        services.accounts.authenticate("eve", "Eve-password")


def test_wrong_password_gives_one_vague_error(services, registry):
    for username, password in (("ada", "wrong-password"), ("nobody", "ada-password")):
        with pytest.raises(Unauthenticated, match="Wrong username or password"):
            services.accounts.authenticate(username, password)


def test_tokens_are_hashed_revocable_and_expire(services, registry):
    researcher = registry[Role.RESEARCHER]
    token = services.accounts.issue_token(researcher, "laptop")
    with services.session_factory() as session:
        row = session.scalar(select(ApiToken))
        assert row.token_hash == hash_token(token) and token not in (row.token_hash, row.prefix)
        audit_detail = session.scalar(select(AuditEntry.detail).where(AuditEntry.action == "token.issue"))
    assert token not in str(audit_detail)
    assert services.accounts.actor_for_token(token).username == "ada"
    services.accounts.revoke_token(researcher, row.id)
    with pytest.raises(Unauthenticated):
        services.accounts.actor_for_token(token)
    expired = services.accounts.issue_token(researcher, "old", expires_at=utcnow() - timedelta(seconds=1))
    with pytest.raises(Unauthenticated):
        services.accounts.actor_for_token(expired)
    with pytest.raises(Unauthenticated):
        services.accounts.actor_for_token("cat_forged")


def test_nobody_revokes_another_users_token(services, registry):
    services.accounts.issue_token(registry[Role.RESEARCHER], "laptop")
    with services.session_factory() as session:
        token_id = session.scalar(select(ApiToken.id))
    with pytest.raises(NotFound):
        services.accounts.revoke_token(registry[Role.CURATOR], token_id)
