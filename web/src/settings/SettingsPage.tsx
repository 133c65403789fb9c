import { PageHead } from '../components/ui.tsx';
import { DisputeRulesCard } from './DisputeRulesCard.tsx';
import { ShopsCard } from './ShopsCard.tsx';

export function SettingsPage() {
  return (
    <>
      <PageHead title="Settings" subtitle="Shops and the rules that set every dispute deadline." />
      <div className="stack">
        <ShopsCard />
        <DisputeRulesCard />
      </div>
    </>
  );
}
