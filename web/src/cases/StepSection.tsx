import type { ReactNode } from 'react';
import type { CaseDetail } from '../api/types.ts';
import { Badge } from '../components/ui.tsx';
import { STEP_TITLES } from '../lib/labels.ts';

/** One of the five steps inside the work card: its title, whether it is done, its content. */
export function StepSection({ c, step, children }: { c: CaseDetail; step: number; children: ReactNode }) {
  const info = c.steps.find((s) => s.step === step);
  return (
    <section className="work-section" aria-labelledby={`step-title-${step}`} data-testid={`work-step-${step}`}>
      <h3 id={`step-title-${step}`}>
        <span className={`step-num`} style={info?.done ? { background: 'var(--green)', color: '#fff' } : undefined}>{info?.done ? '✓' : step}</span>
        {info ? STEP_TITLES[info.name] : `Step ${step}`}
        {info?.done && <Badge tone="green">done</Badge>}
      </h3>
      {children}
    </section>
  );
}
