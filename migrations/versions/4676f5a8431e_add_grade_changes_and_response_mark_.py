"""add the grading history (regrades, manual marks) and a response's manual mark

Revision ID: 4676f5a8431e
Revises: 21a36e2674b5
Create Date: 2026-12-02 15:25:12.852370

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4676f5a8431e'
down_revision = "21a36e2674b5"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('grade_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('attempts_changed', sa.Integer(), nullable=False),
    sa.Column('old_total', sa.Float(), nullable=False),
    sa.Column('new_total', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("action IN ('regrade', 'override')", name=op.f('ck_grade_change_action')),
    sa.CheckConstraint('attempts_changed >= 0', name=op.f('ck_grade_change_attempts_changed')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_grade_change_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_grade_change_response_id_response'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_grade_change_user_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grade_change'))
    )
    with op.batch_alter_table('grade_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_change_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grade_change_response_id'), ['response_id'], unique=False)

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mark_override', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('override_note', sa.String(length=500), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_response_mark_override'),
            'mark_override IS NULL OR (mark_override >= 0 AND mark_override <= 1)',
        )



def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_response_mark_override'), type_='check')
        batch_op.drop_column('override_note')
        batch_op.drop_column('mark_override')

    with op.batch_alter_table('grade_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grade_change_response_id'))
        batch_op.drop_index(batch_op.f('ix_grade_change_question_id'))

    op.drop_table('grade_change')
