/**
 * Export as PyTorch: a stand-alone Python file that builds the same network (every hidden
 * neuron its own activation, applied column by column; PReLU, Swish and Learned mix as small
 * nn.Modules with an nn.Parameter per neuron), loads the current weights and the
 * optimizer's state, holds the training and test examples, prints the loss and accuracy the
 * page shows, and with `--epochs K` trains K more epochs exactly as the page would: the same
 * shuffles (the page's generator, xoshiro128**, ported), batches, penalty and optimizer.
 *
 * Written for PyTorch 1.13 and later in float64, with nothing but `torch` and the standard
 * library. The PyTorch test (pytorchExport.test.ts) runs it and compares with the Trainer.
 */
import { trainingSpecOf, type PlaygroundConfig } from '../config';
import type { Point } from '../data';
import { activationParamLayout } from '../nn';
import { torchCustomActivation } from '../expr';
import { buildSession } from '../worker/session';
import type { SessionState } from '../worker/sessionState';

/**
 * The lines around the network's definition, losses, evaluation and shuffle: the part of the
 * script the experiment export (experimentPytorch.ts) takes as it is, so both run one code.
 */
export const SHARED_BEGINS =
  '# ---- The network, its losses and the page shuffle (shared part) ----';
export const SHARED_ENDS = '# ---- End of the shared part ----';

/** The file's name for the network at `epoch`. */
export function pytorchFileName(epoch: number): string {
  return `activation_playground_epoch_${epoch}.py`;
}

/**
 * The learned activations' parameters and moments of `state` as nested lists [l][j] (the
 * network's defaults, `defaults`, where a state from before them has none).
 */
export function learnedParameters(
  config: PlaygroundConfig,
  state: SessionState,
  defaults: Float64Array,
): { values: number[][][]; moment1: number[][][]; moment2: number[][][] } {
  const { start } = activationParamLayout(config.hidden, config.mixPalette.length);
  const saved = state.activationParams;
  const zeros = new Array<number>(defaults.length).fill(0);
  const nest = (flat: readonly number[]) => {
    let h = 0;
    return config.hidden.map((layer) =>
      layer.map(() => {
        const from = start[h] as number;
        const to = start[++h] as number;
        return flat.slice(from, to);
      }),
    );
  };
  return {
    values: nest(saved?.values ?? Array.from(defaults)),
    moment1: nest(saved?.moment1 ?? zeros),
    moment2: nest(saved?.moment2 ?? zeros),
  };
}

/** A list of numbers as a Python literal (JSON's number syntax is Python's, for finite ones). */
function numbers(values: ArrayLike<number>): string {
  return JSON.stringify(Array.from(values));
}

/** Rows of `width` numbers from a flat row-major array, as a Python list of lists. */
function rows(values: ArrayLike<number>, width: number): string {
  const out: string[] = [];
  for (let start = 0; start < values.length; start += width) {
    out.push(numbers(Array.prototype.slice.call(values, start, start + width) as number[]));
  }
  return `[\n    ${out.join(',\n    ')},\n]`;
}

/**
 * The Python source for `config` trained to `state` (a checkpoint of it).
 * @throws RangeError when `state` does not fit `config`'s network (see sessionStateProblems)
 */
export function pytorchScript(
  config: PlaygroundConfig,
  state: SessionState,
  ownData: readonly Point[] | null = null,
): string {
  const session = buildSession(config, 0, ownData);
  const { net, train, test } = session;
  if (state.sizes.join() !== Array.from(net.sizes).join()) {
    throw new RangeError('the training state does not fit the configuration');
  }
  const sizes = state.sizes;
  const layers: string[] = [];
  for (let k = 1; k < sizes.length; k++) {
    const start = net.weightStart[k] as number;
    const count = (sizes[k] as number) * (sizes[k - 1] as number);
    const unit = net.unitStart[k] as number;
    const units = sizes[k] as number;
    const slice = (a: readonly number[], from: number, n: number) => a.slice(from, from + n);
    layers.push(`    {
        "weight": ${rows(slice(state.weights, start, count), sizes[k - 1] as number)},
        "bias": ${numbers(slice(state.biases, unit, units))},
        "moment1_weight": ${rows(slice(state.optimizer.moment1Weights, start, count), sizes[k - 1] as number)},
        "moment1_bias": ${numbers(slice(state.optimizer.moment1Biases, unit, units))},
        "moment2_weight": ${rows(slice(state.optimizer.moment2Weights, start, count), sizes[k - 1] as number)},
        "moment2_bias": ${numbers(slice(state.optimizer.moment2Biases, unit, units))},
    }`);
  }
  const learned = learnedParameters(config, state, net.activationParams);
  const output = net.spec.output;
  const training = trainingSpecOf(config);
  const opt = training.optimizer;
  const point = (p: { x: number; y: number; label: number }) => [p.x, p.y, p.label];
  return `#!/usr/bin/env python3
"""Activation Playground network, exported at epoch ${state.epoch}.

Builds the page's network in PyTorch (float64), loads its weights and optimizer state, and
prints the train and test loss and accuracy the page shows. With --epochs K it trains K more
epochs exactly as the page would: each epoch shuffles the training examples with the page's
generator (xoshiro128**, below) by Fisher-Yates from the last index down, then takes batches of
BATCH_SIZE in that order (the last batch takes what is left); a step minimises the batch's mean
loss plus the weight penalty. Needs only Python 3 and PyTorch (1.13 or later).

    python3 ${pytorchFileName(state.epoch)} [--epochs K]

Settings: data set ${ownData ? `your own ${ownData.length} points (task of ${config.dataset})` : config.dataset}, seed ${config.seed}, features ${config.features.join(', ')},
hidden layers ${JSON.stringify(config.hidden)}, optimizer ${config.optimizer}, learning rate ${config.learningRate},
regularisation ${config.regularization} (rate ${config.regularizationRate}), batch size ${config.batchSize}.
"""
import argparse
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

EPOCH = ${state.epoch}
FEATURES = ${JSON.stringify(config.features)}
# Activation of every hidden neuron: HIDDEN[l][j] is neuron j of hidden layer l.
HIDDEN = ${JSON.stringify(config.hidden)}
OUTPUT_ACTIVATION = ${JSON.stringify(output.activation)}
LOSS = ${JSON.stringify(output.loss)}
BATCH_SIZE = ${config.batchSize}
OPTIMIZER = ${JSON.stringify(opt)}
REGULARIZATION = ${JSON.stringify(training.regularization)}
ADAM_STEPS = ${state.optimizer.adamSteps}
# The shuffle generator's state and the order the next epoch shuffles further.
SHUFFLE_STATE = ${numbers(state.shuffleRng)}
ORDER = ${numbers(state.order)}

# The data: points (x1, x2, label), and the network's inputs (the features above) and targets.
TRAIN_POINTS = ${JSON.stringify(session.trainPoints.map(point))}
TEST_POINTS = ${JSON.stringify(session.testPoints.map(point))}
TRAIN_INPUTS = ${rows(train.inputs, net.inputSize)}
TRAIN_TARGETS = ${rows(train.targets, net.outputSize)}
TEST_INPUTS = ${rows(test.inputs, net.inputSize)}
TEST_TARGETS = ${rows(test.targets, net.outputSize)}

# The learned activations' parameters, LEARNED[l][j] for neuron j of hidden layer l ([] for a
# fixed activation): PReLU's slope a, Swish's beta, a Learned mix's alpha (one per MIX_PALETTE
# entry); with their optimizer moments. They are never in the weight penalty.
MIX_PALETTE = ${JSON.stringify(config.mixPalette)}
LEARNED = ${JSON.stringify(learned.values)}
LEARNED_MOMENT1 = ${JSON.stringify(learned.moment1)}
LEARNED_MOMENT2 = ${JSON.stringify(learned.moment2)}

# Weights as nn.Linear holds them: weight[j][i] from unit i of the layer below to unit j.
PARAMETERS = [
${layers.join(',\n')},
]

${SHARED_BEGINS}
${torchCustomActivation(config.customActivation)}

ACTIVATIONS = {
    "custom": custom_activation,
    "linear": lambda x: x,
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "sin": torch.sin,
    "cos": torch.cos,
    "gaussian": lambda x: torch.exp(-x * x),
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "elu": F.elu,
    "selu": F.selu,
    "gelu": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "mish": F.mish,
    "softplus": F.softplus,
    "abs": torch.abs,
    "square": lambda x: x * x,
    "softsign": F.softsign,
}


# dtype given, why: JSON writes 0 and 1 without a point, and torch.tensor(0) is an integer.
class PReLU(torch.nn.Module):
    """x if x > 0 else a*x, with a learned slope a (slope a at x = 0, as the page)."""

    def __init__(self, a):
        super().__init__()
        self.a = torch.nn.Parameter(torch.tensor(a, dtype=torch.float64))

    def forward(self, z):
        return torch.where(z > 0, z, self.a * z)


class Swish(torch.nn.Module):
    """x * sigmoid(beta * x), with a learned beta."""

    def __init__(self, beta):
        super().__init__()
        self.beta = torch.nn.Parameter(torch.tensor(beta, dtype=torch.float64))

    def forward(self, z):
        return z * torch.sigmoid(self.beta * z)


class LearnedMix(torch.nn.Module):
    """sum_k softmax(alpha)_k * g_k(x) over the fixed activations g_k of MIX_PALETTE."""

    def __init__(self, alpha):
        super().__init__()
        self.alpha = torch.nn.Parameter(torch.tensor(alpha, dtype=torch.float64))

    def forward(self, z):
        weights = torch.softmax(self.alpha, dim=0)
        return sum(weights[k] * ACTIVATIONS[name](z) for k, name in enumerate(MIX_PALETTE))


LEARNED_MODULES = {"prelu": PReLU, "swish": Swish, "mixture": LearnedMix}


class MixedLayer(torch.nn.Module):
    """A linear layer whose neurons each have their own activation, applied column by column."""

    def __init__(self, inputs, activations, learned):
        super().__init__()
        self.linear = torch.nn.Linear(inputs, len(activations))
        self.activations = list(activations)
        # One module per neuron with a learned activation, holding its own nn.Parameter.
        self.learned = torch.nn.ModuleDict(
            {
                str(j): LEARNED_MODULES[a](v if a == "mixture" else v[0])
                for j, (a, v) in enumerate(zip(activations, learned))
                if a in LEARNED_MODULES
            }
        )

    def column(self, j, a, z):
        return self.learned[str(j)](z) if a in LEARNED_MODULES else ACTIVATIONS[a](z)

    def forward(self, x):
        z = self.linear(x)
        return torch.stack([self.column(j, a, z[:, j]) for j, a in enumerate(self.activations)], dim=1)


class Network(torch.nn.Module):
    def __init__(self):
        super().__init__()
        widths = [len(FEATURES)] + [len(layer) for layer in HIDDEN]
        self.hidden = torch.nn.ModuleList(
            MixedLayer(widths[l], layer, LEARNED[l]) for l, layer in enumerate(HIDDEN)
        )
        self.output = torch.nn.Linear(widths[-1], len(PARAMETERS[-1]["bias"]))

    def linears(self):
        return [layer.linear for layer in self.hidden] + [self.output]

    def learned(self):
        """(parameter, moment1, moment2) of every learned activation, layer by layer."""
        found = []
        for l, layer in enumerate(self.hidden):
            for key, module in layer.learned.items():
                j = int(key)
                p = next(iter(module.parameters()))
                m1 = torch.tensor(LEARNED_MOMENT1[l][j], dtype=torch.float64).reshape(p.shape)
                m2 = torch.tensor(LEARNED_MOMENT2[l][j], dtype=torch.float64).reshape(p.shape)
                found.append((p, (m1, m2)))
        return found

    def forward(self, x):
        """The output head's logits (before the output activation)."""
        for layer in self.hidden:
            x = layer(x)
        return self.output(x)


def predict(logits):
    if OUTPUT_ACTIVATION == "tanh":
        return torch.tanh(logits)
    if OUTPUT_ACTIVATION == "sigmoid":
        return torch.sigmoid(logits)
    if OUTPUT_ACTIVATION == "softmax":
        return torch.softmax(logits, dim=1)
    return logits


def example_losses(logits, targets):
    """The per-example data loss, as the page defines it."""
    if LOSS == "bce":
        return F.binary_cross_entropy_with_logits(logits, targets, reduction="none").sum(dim=1)
    if LOSS == "crossentropy":
        return -(targets * torch.log_softmax(logits, dim=1)).sum(dim=1)
    return 0.5 * ((predict(logits) - targets) ** 2).sum(dim=1)


def penalty(net):
    """The weight penalty (weights only, never biases)."""
    rate = REGULARIZATION["rate"]
    weights = [linear.weight for linear in net.linears()]
    if REGULARIZATION["name"] == "l2":
        return rate * 0.5 * sum((w * w).sum() for w in weights)
    if REGULARIZATION["name"] == "l1":
        return rate * sum(w.abs().sum() for w in weights)
    return torch.zeros(())


def evaluate(net, inputs, targets):
    """Mean data loss (no penalty) and accuracy (nan for regression)."""
    with torch.no_grad():
        logits = net(inputs)
        loss = example_losses(logits, targets).mean().item()
        out = predict(logits)
        if OUTPUT_ACTIVATION == "linear":
            return loss, float("nan")
        if OUTPUT_ACTIVATION == "softmax":
            right = out.argmax(dim=1) == targets.argmax(dim=1)
        else:
            threshold = 0.5 if OUTPUT_ACTIVATION == "sigmoid" else 0.0
            right = ((out > threshold) == (targets > threshold)).all(dim=1)
        return loss, right.double().mean().item()


class Shuffler:
    """The page's shuffle generator (xoshiro128**) and its Fisher-Yates shuffle."""

    def __init__(self, state):
        self.a, self.b, self.c, self.d = state

    def next_uint32(self):
        m = 0xFFFFFFFF
        rotl = lambda x, k: ((x << k) | (x >> (32 - k))) & m
        result = (rotl((self.b * 5) & m, 7) * 9) & m
        t = (self.b << 9) & m
        self.c ^= self.a
        self.d ^= self.b
        self.b ^= self.c
        self.a ^= self.d
        self.c ^= t
        self.d = rotl(self.d, 11)
        return result

    def shuffle(self, order):
        for i in range(len(order) - 1, 0, -1):
            j = math.floor((self.next_uint32() / 4294967296) * (i + 1))
            order[i], order[j] = order[j], order[i]
${SHARED_ENDS}


def load(net):
    with torch.no_grad():
        for linear, saved in zip(net.linears(), PARAMETERS):
            linear.weight.copy_(torch.tensor(saved["weight"]).reshape(linear.weight.shape))
            linear.bias.copy_(torch.tensor(saved["bias"]))


def make_optimizer(net):
    """The page's optimizer with its moments: SGD (with momentum) or Adam."""
    params = [p for linear in net.linears() for p in (linear.weight, linear.bias)]
    params += [p for p, _ in net.learned()]
    saved = [
        (torch.tensor(s[key]).reshape(p.shape), torch.tensor(s[key2]).reshape(p.shape))
        for s, linear in zip(PARAMETERS, net.linears())
        for key, key2, p in (
            ("moment1_weight", "moment2_weight", linear.weight),
            ("moment1_bias", "moment2_bias", linear.bias),
        )
    ]
    saved += [moments for _, moments in net.learned()]
    if OPTIMIZER["name"] == "adam":
        optimizer = torch.optim.Adam(
            params,
            lr=OPTIMIZER["learningRate"],
            betas=(OPTIMIZER["beta1"], OPTIMIZER["beta2"]),
            eps=OPTIMIZER["epsilon"],
        )
        if ADAM_STEPS > 0:
            for p, (m, v) in zip(params, saved):
                optimizer.state[p] = {"step": torch.tensor(float(ADAM_STEPS)), "exp_avg": m, "exp_avg_sq": v}
        return optimizer
    momentum = OPTIMIZER["momentum"]
    optimizer = torch.optim.SGD(params, lr=OPTIMIZER["learningRate"], momentum=momentum)
    if momentum > 0:
        for p, (m, _) in zip(params, saved):
            optimizer.state[p] = {"momentum_buffer": m}
    return optimizer


def report(epoch, net, data):
    train_loss, train_accuracy = evaluate(net, data["train_x"], data["train_t"])
    test_loss, test_accuracy = evaluate(net, data["test_x"], data["test_t"])
    print(
        f"epoch {epoch} train_loss {train_loss!r} test_loss {test_loss!r} "
        f"train_accuracy {train_accuracy!r} test_accuracy {test_accuracy!r}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=0, help="epochs to train further")
    args = parser.parse_args()
    data = {
        "train_x": torch.tensor(TRAIN_INPUTS).reshape(-1, len(FEATURES)),
        "train_t": torch.tensor(TRAIN_TARGETS).reshape(len(TRAIN_POINTS), -1),
        "test_x": torch.tensor(TEST_INPUTS).reshape(-1, len(FEATURES)),
        "test_t": torch.tensor(TEST_TARGETS).reshape(len(TEST_POINTS), -1),
    }
    net = Network()
    load(net)
    optimizer = make_optimizer(net)
    shuffler = Shuffler(SHUFFLE_STATE)
    order = list(ORDER)
    report(EPOCH, net, data)
    count = len(order)
    for epoch in range(EPOCH + 1, EPOCH + 1 + args.epochs):
        shuffler.shuffle(order)
        for start in range(0, count, BATCH_SIZE):
            batch = torch.tensor(order[start : start + BATCH_SIZE])
            optimizer.zero_grad()
            logits = net(data["train_x"][batch])
            loss = example_losses(logits, data["train_t"][batch]).mean() + penalty(net)
            loss.backward()
            optimizer.step()
        report(epoch, net, data)


if __name__ == "__main__":
    main()
`;
}
