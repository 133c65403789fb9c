import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { CaseDetail } from '../api/types.ts';
import { Timeline } from '../components/Timeline.tsx';
import { Badge, Card, ErrorNote, Loading, PageHead, Status } from '../components/ui.tsx';
import { DisputeStep } from '../disputes/DisputePanel.tsx';
import { dateTime } from '../lib/format.ts';
import { reasonLabel, STEP_TITLES } from '../lib/labels.ts';
import { Link } from '../lib/router.tsx';
import { useShops } from '../orders/OrdersPage.tsx';
import { CaseSidebar } from './CaseSidebar.tsx';
import { Conversation, CustomerStep, VerifyStep } from './CustomerStep.tsx';
import { ResolutionStep } from './ResolutionPanel.tsx';
import { SupplierStep } from './SupplierStep.tsx';

export function CaseDetailPage({ id }: { id: string }) {
  const query = useQuery({
    queryKey: ['case', id],
    queryFn: () => get<CaseDetail>(`/api/v1/cases/${id}`),
    // a connected shop executes refunds in the background: look again until it is done
    refetchInterval: (q) => (q.state.data?.resolutions.some((r) => r.status === 'executing') ? 1500 : false),
  });
  const shops = useShops();
  if (query.isPending) return <Loading what="Loading the case" />;
  if (query.error) return <ErrorNote error={query.error} />;
  const c = query.data;
  const shop = shops.data?.items.find((s) => s.id === c.shopId);
  const current = c.closedAt ? null : c.steps.find((s) => !s.done)?.step ?? null;

  return (
    <>
      <PageHead
        crumbs={<><Link to="/cases">Cases</Link> / #{c.number}</>}
        title={<>Case #{c.number} · {reasonLabel(c.reason)}</>}
        subtitle={
          <>
            Order <Link to={`/orders/${c.orderId}`}>{c.order.orderNumber}</Link> · {c.order.customer?.name ?? c.order.customer?.email ?? 'no customer'} · {shop?.name ?? ''} · opened by {c.openedBy} {dateTime(c.createdAt)}
          </>
        }
      >
        {c.closedAt ? <Badge tone="green">Closed {dateTime(c.closedAt)}</Badge> : null}
        <Status value={c.customerStatus} prefix="Customer" />
        <Status value={c.supplierStatus} prefix="Supplier" />
      </PageHead>

      <ol className="steps" aria-label="The five steps" style={{ listStyle: 'none', padding: 0, margin: '0 0 16px' }}>
        {c.steps.map((s) => (
          <li key={s.step} className={`step ${s.done ? 'done' : ''} ${current === s.step ? 'current' : ''}`} data-testid={`step-${s.step}`} data-done={s.done}>
            <div className="step-title">
              <span className="step-num">{s.done ? '✓' : s.step}</span>
              {STEP_TITLES[s.name] ?? s.name}
            </div>
            <div className="step-state">{s.done ? 'Done' : current === s.step ? 'Next' : 'To do'}</div>
          </li>
        ))}
      </ol>
      <p className="muted small" style={{ margin: '-8px 0 16px' }}>The customer side (steps 1, 2, 5) and the supplier side (3, 4) run in parallel; the case closes when both are settled.</p>

      <div className="split">
        <div className="stack">
          <Card title="Work the case" flush>
            <CustomerStep c={c} />
            <VerifyStep c={c} />
            <SupplierStep c={c} />
            <DisputeStep c={c} />
            <ResolutionStep c={c} platform={shop?.platform ?? 'manual'} />
          </Card>
          <Card title="Conversation with the customer">
            <Conversation c={c} />
          </Card>
          <Card title="Timeline">
            <Timeline entries={c.timeline} />
          </Card>
        </div>
        <CaseSidebar c={c} />
      </div>
    </>
  );
}
