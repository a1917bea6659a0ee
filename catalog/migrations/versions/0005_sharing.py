"""Sharing requests, carts, agreements, messages, outputs and notifications.

Also adds version 1 of the platform's default agreement, which applies wherever a center has none.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# Kept here as it was first published; later versions are added through the service, never by editing this.
DEFAULT_AGREEMENT = {
    "title_zh": "湖北省自然科技资源库资源共享协议（平台通用）",
    "title_en": "Hubei Resource Bank sharing agreement (platform default)",
    "text_zh": (
        "1. 资源仅用于申请中所述的用途；未经提供方书面同意，不得转让给第三方。\n"
        "2. 发表、申请专利或开发产品时，须注明所用资源的资源编号，并向平台报告成果（《办法》第十八条）。\n"
        "3. 知识产权归属须事先约定；商业用途须另签有偿服务合同，按成本收费，不以营利为目的。\n"
        "4. 使用病原微生物菌（毒）种须遵守国家生物安全法规，并具备相应的实验室条件。\n"
        "5. 提供方不保证资源适用于特定用途。"),
    "text_en": (
        "1. The resources are used only for the purpose stated in the request and are not passed on to third "
        "parties without the provider's written consent.\n"
        "2. Publications, patents and products that use the resources cite their resource identifiers, and the "
        "outputs are reported to the platform (regulation Art. 18).\n"
        "3. Intellectual property is agreed beforehand; commercial use needs a separate paid service contract "
        "priced at cost, not for profit.\n"
        "4. Work with pathogenic strains follows the national biosafety rules in a suitably qualified laboratory.\n"
        "5. The provider does not warrant that the resources suit any particular purpose."),
}


def upgrade() -> None:
    op.create_table('sharing_agreements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('center_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('domain', sa.Enum('plant_germplasm', 'animal_germplasm', 'microbial_strain', 'biological_specimen', 'geological_specimen', 'experimental_material', name='domain', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title_zh', sa.String(length=200), nullable=False),
    sa.Column('title_en', sa.String(length=200), nullable=False),
    sa.Column('text_zh', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_sharing_agreements_center_id_centers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_sharing_agreements_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_agreements')),
    sa.UniqueConstraint('center_id', 'domain', 'version', name=op.f('uq_sharing_agreements_center_id'))
    )
    op.create_table('sharing_requests',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('requester_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('center_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_type', sa.Enum('material', 'data', 'service', name='requesttype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('purpose', sa.Enum('academic', 'commercial', name='purpose', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('state', sa.Enum('draft', 'submitted', 'under_review', 'approved', 'rejected', 'quoted', 'contracted', 'paid', 'shipped', 'delivered', 'completed', 'feedback', 'cancelled', name='requeststate', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('project', sa.String(length=500), nullable=True),
    sa.Column('funding', sa.String(length=500), nullable=True),
    sa.Column('intended_use', sa.Text(), nullable=True),
    sa.Column('shipping_address', sa.Text(), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('agreement_accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('rejected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('fulfilled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('feedback_rating', sa.Integer(), nullable=True),
    sa.Column('feedback_text', sa.Text(), nullable=True),
    sa.Column('citation_text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_sharing_requests_center_id_centers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['requester_id'], ['users.id'], name=op.f('fk_sharing_requests_requester_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_requests'))
    )
    with op.batch_alter_table('sharing_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_requests_center_id'), ['center_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharing_requests_requester_id'), ['requester_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('event', sa.String(length=64), nullable=False),
    sa.Column('subject_zh', sa.String(length=300), nullable=False),
    sa.Column('subject_en', sa.String(length=300), nullable=False),
    sa.Column('body_zh', sa.Text(), nullable=False),
    sa.Column('body_en', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('email_error', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_notifications_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_user_id'), ['user_id'], unique=False)

    op.create_table('sharing_accepted_agreements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('agreement_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('domain', sa.Enum('plant_germplasm', 'animal_germplasm', 'microbial_strain', 'biological_specimen', 'geological_specimen', 'experimental_material', name='domain', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['sharing_agreements.id'], name=op.f('fk_sharing_accepted_agreements_agreement_id_sharing_agreements'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_accepted_agreements_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_accepted_agreements')),
    sa.UniqueConstraint('request_id', 'domain', name=op.f('uq_sharing_accepted_agreements_request_id'))
    )
    op.create_table('sharing_deliveries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('carrier', sa.String(length=100), nullable=True),
    sa.Column('tracking_number', sa.String(length=100), nullable=True),
    sa.Column('data_link', sa.String(length=1000), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_sharing_deliveries_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_deliveries_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_deliveries')),
    sa.UniqueConstraint('request_id', name=op.f('uq_sharing_deliveries_request_id'))
    )
    op.create_table('sharing_documents',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.Enum('institutional_approval', 'lab_qualification', name='documentkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=True),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('storage_key', sa.String(length=500), nullable=False),
    sa.Column('uploaded_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_documents_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_sharing_documents_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_documents'))
    )
    with op.batch_alter_table('sharing_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_documents_request_id'), ['request_id'], unique=False)

    op.create_table('sharing_messages',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('author_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('author_name', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_sharing_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_messages_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_messages'))
    )
    with op.batch_alter_table('sharing_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_messages_request_id'), ['request_id'], unique=False)

    op.create_table('sharing_outputs',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('reported_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('kind', sa.Enum('paper', 'patent', 'product', 'other', name='outputkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=False),
    sa.Column('doi', sa.String(length=200), nullable=True),
    sa.Column('number', sa.String(length=200), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_sharing_outputs_reported_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_outputs_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_outputs'))
    )
    with op.batch_alter_table('sharing_outputs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_outputs_request_id'), ['request_id'], unique=False)

    op.create_table('sharing_quotes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('line_items', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('total_fen', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('quoted_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('quoted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('contract_accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('contract_accepted_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('payment_confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('payment_reference', sa.String(length=200), nullable=True),
    sa.Column('payment_confirmed_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['contract_accepted_by_id'], ['users.id'], name=op.f('fk_sharing_quotes_contract_accepted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['payment_confirmed_by_id'], ['users.id'], name=op.f('fk_sharing_quotes_payment_confirmed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['quoted_by_id'], ['users.id'], name=op.f('fk_sharing_quotes_quoted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_quotes_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_quotes')),
    sa.UniqueConstraint('request_id', name=op.f('uq_sharing_quotes_request_id'))
    )
    op.create_table('cart_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('resource_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['resource_id'], ['resources.id'], name=op.f('fk_cart_items_resource_id_resources'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_cart_items_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cart_items')),
    sa.UniqueConstraint('user_id', 'resource_id', name=op.f('uq_cart_items_user_id'))
    )
    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cart_items_user_id'), ['user_id'], unique=False)

    op.create_table('sharing_output_resources',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('output_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('resource_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['output_id'], ['sharing_outputs.id'], name=op.f('fk_sharing_output_resources_output_id_sharing_outputs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resource_id'], ['resources.id'], name=op.f('fk_sharing_output_resources_resource_id_resources'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_output_resources')),
    sa.UniqueConstraint('output_id', 'resource_id', name=op.f('uq_sharing_output_resources_output_id'))
    )
    with op.batch_alter_table('sharing_output_resources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_output_resources_resource_id'), ['resource_id'], unique=False)

    op.create_table('sharing_request_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('resource_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['sharing_requests.id'], name=op.f('fk_sharing_request_items_request_id_sharing_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resource_id'], ['resources.id'], name=op.f('fk_sharing_request_items_resource_id_resources'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sharing_request_items')),
    sa.UniqueConstraint('request_id', 'resource_id', name=op.f('uq_sharing_request_items_request_id'))
    )
    with op.batch_alter_table('sharing_request_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharing_request_items_resource_id'), ['resource_id'], unique=False)

    agreements = sa.table('sharing_agreements', sa.column('center_id'), sa.column('domain'), sa.column('version'),
                          sa.column('title_zh'), sa.column('title_en'), sa.column('text_zh'), sa.column('text_en'),
                          sa.column('created_at', sa.DateTime(timezone=True)))
    op.bulk_insert(agreements, [{"center_id": None, "domain": None, "version": 1, **DEFAULT_AGREEMENT,
                                 "created_at": datetime(2026, 11, 25, tzinfo=timezone.utc)}])


def downgrade() -> None:
    with op.batch_alter_table('sharing_request_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_request_items_resource_id'))

    op.drop_table('sharing_request_items')
    with op.batch_alter_table('sharing_output_resources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_output_resources_resource_id'))

    op.drop_table('sharing_output_resources')
    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cart_items_user_id'))

    op.drop_table('cart_items')
    op.drop_table('sharing_quotes')
    with op.batch_alter_table('sharing_outputs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_outputs_request_id'))

    op.drop_table('sharing_outputs')
    with op.batch_alter_table('sharing_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_messages_request_id'))

    op.drop_table('sharing_messages')
    with op.batch_alter_table('sharing_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_documents_request_id'))

    op.drop_table('sharing_documents')
    op.drop_table('sharing_deliveries')
    op.drop_table('sharing_accepted_agreements')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_user_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('sharing_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharing_requests_requester_id'))
        batch_op.drop_index(batch_op.f('ix_sharing_requests_center_id'))

    op.drop_table('sharing_requests')
    op.drop_table('sharing_agreements')
