/**
 * Every run of the experiment as a link to the playground: opened and trained as many epochs,
 * it gives that run's numbers exactly (src/experiment/plan.ts `runHash`).
 */
import { runHash, seedOf, type ExperimentResults } from '../../experiment';

export function RunLinks({ results }: { results: ExperimentResults }) {
  const { definition } = results;
  const page = `${window.location.pathname}${window.location.search}`;
  const count = definition.seeds.count;
  return (
    <details className="run-links">
      <summary>Open one run in the playground ({definition.variants.length * count} runs)</summary>
      <p className="muted">
        Each link opens the playground with that run&rsquo;s network and seed in a new tab; train it{' '}
        {definition.epochs} epochs (Step, or Play and Pause) to see the same numbers.
      </p>
      <dl>
        {definition.variants.map((variant, v) => (
          <div key={v} className="run-links-row">
            <dt>{variant.name}</dt>
            <dd>
              {Array.from({ length: count }, (_, s) => {
                const seed = seedOf(definition, s);
                const outcome = results.outcomes[v * count + s];
                return (
                  <a
                    key={seed}
                    href={`${page}${runHash(definition, v, seed)}`}
                    target="_blank"
                    rel="noopener"
                    aria-label={`Open this run in the playground: ${variant.name}, seed ${seed}`}
                    title={outcome ? `Final test loss ${outcome.final.testLoss}` : 'Not run yet'}
                  >
                    seed {seed}
                  </a>
                );
              })}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
