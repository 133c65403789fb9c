import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { PageHead } from '../components/ui.tsx';
import { navigate, useSearch } from '../lib/router.tsx';
import { DisputeRulesCard } from './DisputeRulesCard.tsx';
import { PoliciesCard } from './PoliciesCard.tsx';
import { RequiredEvidenceCard } from './RequiredEvidenceCard.tsx';
import { RulesCard } from './RulesCard.tsx';
import { ShopsCard } from './ShopsCard.tsx';
import { TemplatesCard } from './TemplatesCard.tsx';
import { ThresholdsCard } from './ThresholdsCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { TrackingCard } from './TrackingCard.tsx';
import { UsersCard } from './UsersCard.tsx';
import './settings.css';

const TABS: { key: string; label: string; subtitle: string; panel: () => ReactNode }[] = [
  { key: 'shops', label: 'Shops', subtitle: 'Shops and the rules that set every dispute deadline.', panel: () => <><ShopsCard /><DisputeRulesCard /></> },
  { key: 'users', label: 'Users & roles', subtitle: 'Who can sign in, what they may do and which shops they see.', panel: () => <UsersCard /> },
  { key: 'tokens', label: 'API tokens', subtitle: 'Tokens for scripts and integrations; each is shown once.', panel: () => <TokensCard /> },
  { key: 'rules', label: 'Rules', subtitle: 'When something happens to a case and the conditions hold, Recoup acts.', panel: () => <RulesCard /> },
  { key: 'templates', label: 'Templates', subtitle: 'The messages staff and rules send to customers and suppliers.', panel: () => <TemplatesCard /> },
  { key: 'policies', label: 'Policies', subtitle: 'Reminders, service levels, approval limits, warnings and the evidence each reason needs.', panel: () => <><PoliciesCard /><RequiredEvidenceCard /></> },
  { key: 'thresholds', label: 'Parcel thresholds', subtitle: 'When a parcel counts as late, stalled or probably lost, per shop.', panel: () => <ThresholdsCard /> },
  { key: 'tracking', label: 'Tracking connections', subtitle: 'AfterShip and 17TRACK: where parcel events come from.', panel: () => <TrackingCard /> },
];

export function SettingsPage() {
  const search = useSearch();
  const current = TABS.find((t) => t.key === search.get('tab')) ?? TABS[0]!;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (key: string) => navigate(key === 'shops' ? '/settings' : `/settings?tab=${key}`, { replace: true });

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.indexOf(current);
    const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length]!;
    go(tab.key);
    refs.current[TABS.indexOf(tab)]?.focus();
  };

  return (
    <>
      <PageHead title="Settings" subtitle={current.subtitle} />
      <div className="tabs" role="tablist" aria-label="Settings" onKeyDown={onKey}>
        {TABS.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={t === current}
            aria-controls={`panel-${t.key}`}
            tabIndex={t === current ? 0 : -1}
            onClick={() => go(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="stack" role="tabpanel" id={`panel-${current.key}`} aria-labelledby={`tab-${current.key}`} key={current.key}>
        {current.panel()}
      </div>
    </>
  );
}
