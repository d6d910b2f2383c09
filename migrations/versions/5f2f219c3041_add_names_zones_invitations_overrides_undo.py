"""add students' real names and time zones, roster invitations, per-student quiz overrides
(accommodations) and the short-lived undo records of destructive teacher actions

Revision ID: 5f2f219c3041
Revises: b7c2e4a91d03
Create Date: 2026-12-02 15:24:21.723360

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5f2f219c3041'
down_revision = 'b7c2e4a91d03'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_invitation_created_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_invitation_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_invitation_code_hash'))
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_user_id'), ['user_id'], unique=False)

    op.create_table('undo_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_undo_action_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_undo_action'))
    )
    with op.batch_alter_table('undo_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_undo_action_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_undo_action_user_id'), ['user_id'], unique=False)

    op.create_table('quiz_override',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('extra_time_pct', sa.Integer(), nullable=True),
    sa.Column('extra_time_min', sa.Integer(), nullable=True),
    sa.Column('extra_attempts', sa.Integer(), server_default='0', nullable=False),
    sa.CheckConstraint('extra_attempts >= 0', name=op.f('ck_quiz_override_extra_attempts')),
    sa.CheckConstraint('extra_time_min IS NULL OR extra_time_min > 0', name=op.f('ck_quiz_override_extra_min')),
    sa.CheckConstraint('extra_time_pct IS NULL OR extra_time_pct > 0', name=op.f('ck_quiz_override_extra_pct')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_quiz_override_quiz_id_quiz'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_quiz_override_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'user_id', name=op.f('pk_quiz_override'))
    )
    with op.batch_alter_table('quiz_override', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quiz_override_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_name', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('last_name', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))



def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('timezone')
        batch_op.drop_column('last_name')
        batch_op.drop_column('first_name')

    with op.batch_alter_table('quiz_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quiz_override_user_id'))

    op.drop_table('quiz_override')
    with op.batch_alter_table('undo_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_undo_action_user_id'))
        batch_op.drop_index(batch_op.f('ix_undo_action_created_at'))

    op.drop_table('undo_action')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_user_id'))

    op.drop_table('invitation')
