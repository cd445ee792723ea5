import { useQueryClient } from '@tanstack/react-query';
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LIST_MEMBER_FILTERABLE, LIST_MEMBER_SORTABLE, type ListMemberRow, type SegmentEntity } from '../../../../shared/contract/segments';
import { countryName } from '../../../../shared/countries';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { gridColumn } from '../../components/gridColumn';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount, formatDateTime } from '../../lib/format';
import { CHANNEL_LABELS, ENTITY_LABELS, ENTITY_NOUNS, RECORD_PATHS } from './labels';
import { fetchMembersPage, useTargetList } from './queries';
import { SegmentTabs } from './SegmentTabs';
import './segments.css';

const col = gridColumn<ListMemberRow>({ sortable: LIST_MEMBER_SORTABLE, filterable: LIST_MEMBER_FILTERABLE });

function memberColumns(entity: SegmentEntity, channel: string | null): ColDef<ListMemberRow>[] {
  return [
    col('name', 'Name', { width: 220 }),
    col('detail', entity === 'account' ? 'Website' : 'E-mail', { width: 230 }),
    ...(entity === 'account' ? [] : [col('company', entity === 'lead' ? 'Company' : 'Account', { width: 200 })]),
    col('phone', 'Phone', { width: 160 }),
    col('country', 'Country', { width: 130, valueFormatter: (p) => (p.value ? countryName(String(p.value)) : '') }),
    col('ownerName', 'Owner', { width: 150 }),
    ...(channel
      ? [
          col('eligible', `May be reached (${channel})`, {
            width: 170,
            valueFormatter: (p) => (p.value === true ? 'Yes' : p.value === false ? 'No' : ''),
            cellClass: (p) => (p.value === false ? 'list-member--blocked' : ''),
          }),
        ]
      : []),
    col('addedAt', 'Added', { width: 170, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') }),
  ];
}

/** One target list: its counts and its members in a paged grid. */
export function ListPage() {
  const id = Number(useParams().id);
  const list = useTargetList(id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const data = list.data;
  const columns = useMemo(() => (data ? memberColumns(data.entity, data.channel ? CHANNEL_LABELS[data.channel] : null) : []), [data]);
  const fetchPage = useMemo(() => fetchMembersPage(id), [id]);

  if (!data) {
    return (
      <div className="page">
        <SegmentTabs />
        {list.isError ? <ErrorBanner title="Cannot open the list" messages={[errorMessage(list.error)]} /> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  const [one, many] = ENTITY_NOUNS[data.entity];
  const remove = async () => {
    try {
      await call('lists.delete', { id });
      await client.invalidateQueries({ queryKey: ['lists'] });
      toast.show({ message: `List “${data.name}” deleted` });
      navigate('/lists');
    } catch (error) {
      setFailure(errorMessage(error));
      setConfirmDelete(false);
    }
  };
  return (
    <div className="page page--grid">
      <SegmentTabs />
      <PageHeader
        title={data.name}
        breadcrumb={<Link to="/lists">Target lists</Link>}
        subtitle={
          <>
            {ENTITY_LABELS[data.entity]} · {formatCount(data.memberCount, one, many)}
            {data.channel ? ` · for ${CHANNEL_LABELS[data.channel]}: ${data.eligibleCount?.toLocaleString('en') ?? '…'} may be reached today` : ''}
            {data.segment ? (
              <>
                {' '}
                · frozen from <Link to={`/segments/${data.segment.id}`}>{data.segment.name}</Link>
              </>
            ) : null}
          </>
        }
        actions={
          <button type="button" className="btn btn--danger" onClick={() => setConfirmDelete(true)}>
            Delete list
          </button>
        }
      />
      <ErrorBanner title="Could not delete" messages={failure ? [failure] : []} />
      <InfiniteGrid
        gridId="targetListMembers"
        label={`Members of ${data.name}`}
        columnDefs={columns}
        fetchPage={fetchPage}
        onOpen={(row) => navigate(`${RECORD_PATHS[data.entity]}/${row.id}`)}
        refreshOn={data.entity}
        noun={[one, many]}
      />
      {confirmDelete ? (
        <ConfirmDialog title={`Delete “${data.name}”?`} confirmLabel="Delete list" onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)}>
          The records stay; only the list goes.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
