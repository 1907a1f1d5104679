/**
 * Export an experiment as PyTorch: one stand-alone Python file with every run's data and
 * initial weights, exactly as the page draws them from the run's seed, which trains each run as
 * the page would and writes the page's CSV (src/experiment/csv.ts). `--shard K/N` runs every
 * N-th run only (runs K, K + N, … in the page's row order), so a job array or several machines
 * share a sweep too large for a browser; the shards' rows together are the page's CSV.
 *
 * The network, its losses, its evaluation and the shuffle are the single export's own code
 * (pytorchExport.ts, between SHARED_BEGINS and SHARED_ENDS), set per run through its module
 * constants; this file adds the loop over runs, divergence and the CSV.
 */
import { trainingSpecOf } from '../config';
import {
  CSV_COLUMNS,
  csvField,
  planRuns,
  type ExperimentDefinition,
  type RunJob,
} from '../experiment';
import { buildSession, type Session } from '../worker/session';
import { captureSessionState } from '../worker/sessionState';
import { learnedParameters, pytorchScript, SHARED_BEGINS, SHARED_ENDS } from './pytorchExport';

/** The file's name. */
export const EXPERIMENT_PYTORCH_FILE = 'activation_playground_experiment.py';

function numbers(values: ArrayLike<number>): string {
  return JSON.stringify(Array.from(values));
}

/** Python's view of one run: its settings, its initial weights and its shuffle state. */
function runEntry(job: RunJob, session: Session, name: string): string {
  const { net } = session;
  const state = captureSessionState(session);
  const training = trainingSpecOf(job.config);
  const learned = learnedParameters(job.config, state, net.activationParams);
  const layers: string[] = [];
  for (let k = 1; k <= net.outputLayer; k++) {
    const fanIn = net.sizes[k - 1] as number;
    const start = net.weightStart[k] as number;
    const unit = net.unitStart[k] as number;
    const units = net.sizes[k] as number;
    layers.push(
      `{"weight": ${numbers(net.weights.subarray(start, start + units * fanIn))}, ` +
        `"bias": ${numbers(net.biases.subarray(unit, unit + units))}}`,
    );
  }
  return `    {
        "prefix": ${JSON.stringify(`${csvField(name)},${job.seed}`)},
        "seed": ${job.seed},
        "hidden": ${JSON.stringify(job.config.hidden)},
        "batch_size": ${job.config.batchSize},
        "optimizer": ${JSON.stringify(training.optimizer)},
        "regularization": ${JSON.stringify(training.regularization)},
        "shuffle_state": ${numbers(state.shuffleRng)},
        "parameters": [${layers.join(', ')}],
        "mix_palette": ${JSON.stringify(job.config.mixPalette)},
        "learned": ${JSON.stringify(learned.values)},
    }`;
}

/** The training and test examples of one seed (the same for every variant of it). */
function dataEntry(session: Session): string {
  const { train, test } = session;
  return `{"train_x": ${numbers(train.inputs)}, "train_t": ${numbers(train.targets)}, "test_x": ${numbers(test.inputs)}, "test_t": ${numbers(test.targets)}}`;
}

/** The shared part of the single export's script for `session`'s network. */
function sharedPart(session: Session): string {
  const script = pytorchScript(session.config, captureSessionState(session));
  const from = script.indexOf(SHARED_BEGINS);
  const to = script.indexOf(SHARED_ENDS);
  if (from < 0 || to < from) throw new Error('the PyTorch export has no shared part');
  return script.slice(from, to + SHARED_ENDS.length);
}

/**
 * Why `definition` cannot be exported for PyTorch, or null when it can: the script does not
 * freeze learned choices mid-run (the "Let the network choose, freeze at epoch N" variant).
 */
export function experimentPytorchProblem(definition: ExperimentDefinition): string | null {
  const choosing = definition.variants.find((variant) => variant.rule.kind === 'choose');
  return choosing
    ? 'The PyTorch export does not yet freeze learned choices mid-run, which the variant "Let the network choose" needs'
    : null;
}

/** The Python source of `definition`'s every run. */
export function experimentPytorchScript(definition: ExperimentDefinition): string {
  // In the page's row order (csv.ts): variant by variant, seed by seed.
  const problem = experimentPytorchProblem(definition);
  if (problem) throw new RangeError(problem);
  const jobs = planRuns(definition).sort((a, b) => a.index - b.index);
  const data = new Map<number, string>();
  const runs: string[] = [];
  let first: Session | null = null;
  for (const job of jobs) {
    const session = buildSession(job.config, 0);
    first ??= session;
    if (!data.has(job.seed)) data.set(job.seed, dataEntry(session));
    const name = definition.variants[job.variant]?.name ?? String(job.variant + 1);
    runs.push(runEntry(job, session, name));
  }
  if (!first) throw new RangeError('the experiment has no runs');
  const { net } = first;
  const output = net.spec.output;
  const base = definition.base;
  const target = definition.target;
  return `#!/usr/bin/env python3
"""Activation Playground experiment: ${jobs.length} runs (${definition.variants.length} variants x ${definition.seeds.count} seeds), ${definition.epochs} epochs each.

Trains every run as the page does, from the data and initial weights the page draws from the
run's seed (all embedded below), and writes the page's CSV: one row per run, variant by variant
and seed by seed. Each epoch shuffles the training examples with the page's generator
(xoshiro128**) by Fisher-Yates from the last index down, then takes batches of the run's batch
size in that order. A run diverges when a step's loss, gradient or new weights, or an epoch's
test loss, is not finite; its final numbers are then left empty, as on the page.

    python3 ${EXPERIMENT_PYTORCH_FILE} [--shard K/N] [--out results.csv]

--shard K/N runs only runs K, K + N, K + 2N, ... (K from 1 to N), so N machines or a job array
share the work; the N files' rows together are the page's CSV. Needs only Python 3 and PyTorch
(1.13 or later).

Base settings: data set ${base.dataset}, features ${base.features.join(', ')}, seeds ${definition.seeds.first} to ${definition.seeds.first + definition.seeds.count - 1},
target ${target.metric} ${target.metric === 'testLoss' ? '<=' : '>='} ${target.value}.
"""
import argparse
import math
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

# The module constants the shared part reads, set again for every run (see use_run).
FEATURES = ${JSON.stringify(base.features)}
HIDDEN = []
OUTPUT_ACTIVATION = ${JSON.stringify(output.activation)}
LOSS = ${JSON.stringify(output.loss)}
REGULARIZATION = {"name": "none", "rate": 0}
PARAMETERS = []
MIX_PALETTE = []
LEARNED = []
LEARNED_MOMENT1 = []
LEARNED_MOMENT2 = []

EPOCHS = ${definition.epochs}
TARGET = ${JSON.stringify(target)}
COLUMNS = ${JSON.stringify(CSV_COLUMNS.join(','))}

# Each seed's training and test examples: the network's inputs (the features) and targets.
DATA = {
${[...data].map(([seed, entry]) => `    ${seed}: ${entry},`).join('\n')}
}

# Every run, in the CSV's order: its CSV prefix (variant, seed), settings and initial weights
# (weight[j][i] flat, from unit i of the layer below to unit j, as nn.Linear holds them).
RUNS = [
${runs.join(',\n')},
]

${sharedPart(first)}


def use_run(run):
    """Points the shared part's constants at run \`run\`."""
    global HIDDEN, REGULARIZATION, PARAMETERS, MIX_PALETTE, LEARNED, LEARNED_MOMENT1
    global LEARNED_MOMENT2
    HIDDEN = run["hidden"]
    REGULARIZATION = run["regularization"]
    PARAMETERS = run["parameters"]
    # A run starts with its learned activations at their defaults and fresh moments.
    MIX_PALETTE = run["mix_palette"]
    LEARNED = run["learned"]
    LEARNED_MOMENT1 = [[[0.0] * len(p) for p in layer] for layer in LEARNED]
    LEARNED_MOMENT2 = [[[0.0] * len(p) for p in layer] for layer in LEARNED]


def js_number(value):
    """A float as JavaScript's String(value) writes it (shortest round-trip digits)."""
    if value is None or math.isnan(value):
        return ""
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    text = repr(abs(value))
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    if fraction == "0":
        fraction = ""
    digits = (whole + fraction).lstrip("0")
    # The decimal point's place after the first significant digit's: value = 0.digits x 10^point.
    point = (0 if whole == "0" else len(whole)) + (int(exponent) if exponent else 0)
    if whole == "0":
        point -= len(fraction) - len(fraction.lstrip("0"))
    digits = digits.rstrip("0")
    k, n = len(digits), point
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    e_text = ("+" if e >= 0 else "-") + str(abs(e))
    if k == 1:
        return sign + digits + "e" + e_text
    return sign + digits[0] + "." + digits[1:] + "e" + e_text


def finite(tensors):
    return all(bool(torch.isfinite(t).all()) for t in tensors)


def meets(test_loss, test_accuracy):
    if TARGET["metric"] == "testLoss":
        return test_loss <= TARGET["value"]
    return test_accuracy >= TARGET["value"]


def run_one(run):
    """Trains one run as the page's experiment does; returns its CSV row."""
    use_run(run)
    data = DATA[run["seed"]]
    width = len(FEATURES)
    outputs = len(PARAMETERS[-1]["bias"])
    train_x = torch.tensor(data["train_x"]).reshape(-1, width)
    train_t = torch.tensor(data["train_t"]).reshape(-1, outputs)
    test_x = torch.tensor(data["test_x"]).reshape(-1, width)
    test_t = torch.tensor(data["test_t"]).reshape(-1, outputs)
    net = Network()
    with torch.no_grad():
        for linear, saved in zip(net.linears(), PARAMETERS):
            linear.weight.copy_(torch.tensor(saved["weight"]).reshape(linear.weight.shape))
            linear.bias.copy_(torch.tensor(saved["bias"]))
    params = [p for linear in net.linears() for p in (linear.weight, linear.bias)]
    # The learned activations' parameters train with the weights (at their defaults, fresh).
    params += [p for p, _ in net.learned()]
    opt = run["optimizer"]
    if opt["name"] == "adam":
        optimizer = torch.optim.Adam(
            params, lr=opt["learningRate"], betas=(opt["beta1"], opt["beta2"]), eps=opt["epsilon"]
        )
    else:
        optimizer = torch.optim.SGD(params, lr=opt["learningRate"], momentum=opt["momentum"])
    shuffler = Shuffler(run["shuffle_state"])
    order = list(range(train_x.shape[0]))
    count = len(order)
    test_loss, test_accuracy = evaluate(net, test_x, test_t)
    epochs_to_target = 0 if meets(test_loss, test_accuracy) else None
    diverged_at = None
    done = 0
    for epoch in range(1, EPOCHS + 1):
        saved = [p.detach().clone() for p in params]
        shuffler.shuffle(order)
        ok = True
        for start in range(0, count, run["batch_size"]):
            batch = torch.tensor(order[start : start + run["batch_size"]])
            optimizer.zero_grad()
            loss = example_losses(net(train_x[batch]), train_t[batch]).mean() + penalty(net)
            if not math.isfinite(loss.item()):
                ok = False
                break
            loss.backward()
            if not finite([p.grad for p in params]):
                ok = False
                break
            optimizer.step()
            if not finite(params):
                ok = False
                break
        if ok:
            test_loss, test_accuracy = evaluate(net, test_x, test_t)
            ok = math.isfinite(test_loss)
        if not ok:
            diverged_at = epoch
            with torch.no_grad():
                for p, value in zip(params, saved):
                    p.copy_(value)
            break
        done = epoch
        if epochs_to_target is None and meets(test_loss, test_accuracy):
            epochs_to_target = epoch
    fields = [run["prefix"], str(done)]
    if diverged_at is None:
        train_loss, train_accuracy = evaluate(net, train_x, train_t)
        test_loss, test_accuracy = evaluate(net, test_x, test_t)
        fields += [js_number(v) for v in (train_loss, train_accuracy, test_loss, test_accuracy)]
    else:
        fields += ["", "", "", ""]
    fields.append("" if epochs_to_target is None else str(epochs_to_target))
    fields += ["false", ""] if diverged_at is None else ["true", str(diverged_at)]
    return ",".join(fields)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shard", default="1/1", help="K/N: run runs K, K + N, ... only")
    parser.add_argument("--out", default=None, help="the CSV file to write (default: stdout)")
    args = parser.parse_args()
    try:
        k, n = (int(part) for part in args.shard.split("/"))
        assert 1 <= k <= n
    except (ValueError, AssertionError):
        parser.error("--shard must be K/N with 1 <= K <= N, e.g. 2/8")
    out = open(args.out, "w", newline="") if args.out else sys.stdout
    out.write(COLUMNS + "\\r\\n")
    for index in range(k - 1, len(RUNS), n):
        out.write(run_one(RUNS[index]) + "\\r\\n")
        out.flush()
    if args.out:
        out.close()


if __name__ == "__main__":
    main()
`;
}
