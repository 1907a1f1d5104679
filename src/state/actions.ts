/**
 * Everything the page may change, as plain functions over one store: `actions(store)` binds
 * them to a store (tests make a fresh one each); `playgroundActions` is bound to the page's.
 *
 * Every action validates and clamps: a number outside its limits is clamped (NaN and other
 * non-numbers are refused), an unknown id or impossible edit is refused. A refused action
 * returns false and leaves the store untouched, so the store never holds an invalid config.
 * Setting a value the store already holds returns true and changes nothing, so the bridge
 * sends the worker nothing.
 *
 * Neurons are numbered as the page says them: hidden layer and neuron both from 1.
 */
import {
  coerceSetting,
  configFromHash,
  configProblems,
  needsRebuild,
  sameValue,
  type PlaygroundConfig,
  type SettingKey,
} from '../config';
import { datasetInfo, ownDataProblems, type FeatureId, type Point } from '../data';
import type { VariantRule } from '../experiment/definition';
import { splitExperiment } from '../experiment/link';
import { applyRule } from '../experiment/rules';
import { isLearned, type ActivationId } from '../nn';
import {
  nextSeed,
  withActivations,
  withAddedLayer,
  withAddedNeuron,
  withAllActivations,
  withLayerActivation,
  withRemovedLayer,
  withRemovedNeuron,
  withToggledFeature,
} from './edits';
import { neuronExists, sameNeuron, type NeuronRef } from './neurons';
import {
  MAX_NOTICES,
  playgroundStore,
  type Hovered,
  type NoticeKind,
  type DrawMode,
  type PlaygroundState,
  type PlaygroundStore,
} from './store';

/** How near (in plane units) a click must be to a point to remove it. */
export const REMOVE_RADIUS = 0.5;

/** The actions of one store; see the module comment for the rules they all follow. */
export type PlaygroundActions = ReturnType<typeof actions>;

/** Binds every action to `store`. */
export function actions(store: PlaygroundStore) {
  const get = (): PlaygroundState => store.getState();

  /**
   * Puts `next` in the store if it is valid; drops selected and hovered neurons that no longer
   * exist, and a divergence when `next` means a new network (its message would describe a
   * network that is gone). The one way a configuration enters the store.
   */
  function commit(next: PlaygroundConfig | null): boolean {
    if (next === null || configProblems(next).length > 0) return false;
    const { config, selection, hovered, divergence, ownData, freezeUndo } = get();
    if (next === config) return true;
    // Undoing a freeze restores its network: after another edit of it that would undo the edit.
    const keepUndo =
      freezeUndo !== null &&
      !needsRebuild(config, next) &&
      sameValue(config.hidden, next.hidden) &&
      sameValue(config.mixPalette, next.mixPalette);
    // Own data of another task (the data set changed kind) no longer fits: back to generated.
    const dataFits = ownData === null || ownDataProblems(ownData, next.dataset).length === 0;
    const kept = selection.filter((ref) => neuronExists(next.hidden, ref));
    const hoverGone =
      hovered !== null && hovered !== 'output' && !neuronExists(next.hidden, hovered);
    store.setState({
      config: next,
      selection: kept.length === selection.length ? selection : kept,
      hovered: hoverGone ? null : hovered,
      divergence: divergence !== null && needsRebuild(config, next) ? null : divergence,
      ...(dataFits ? {} : { ownData: null }),
      ...(freezeUndo !== null && !keepUndo ? { freezeUndo: null } : {}),
    });
    return true;
  }

  /** Puts own points in the store if they are data of the config's task (null: generated). */
  function commitOwnData(points: readonly Point[] | null): boolean {
    if (points !== null && ownDataProblems(points, get().config.dataset).length > 0) return false;
    store.setState({ ownData: points, divergence: null });
    return true;
  }

  /** Sets one field of the config to `value` (already valid), keeping the object if unchanged. */
  function setField<K extends SettingKey>(key: K, value: PlaygroundConfig[K]): boolean {
    const config = get().config;
    return commit(sameValue(config[key], value) ? config : { ...config, [key]: value });
  }

  function pushNotice(kind: NoticeKind, text: string): number {
    const { notices, nextNoticeId } = get();
    // The same message twice (a crash loop, a repeated refusal) is shown once.
    const same = notices.find((n) => n.kind === kind && n.text === text);
    if (same) return same.id;
    const notice = { id: nextNoticeId, kind, text };
    store.setState({
      notices: [...notices, notice].slice(-MAX_NOTICES),
      nextNoticeId: nextNoticeId + 1,
    });
    return notice.id;
  }

  let learnedRequests = 0;

  return {
    /**
     * Let the network choose: every hidden neuron (or those of hidden layer `layer`, from 1)
     * becomes a Learned mix over the current palette, weights kept, and training starts. A
     * neuron that already was a mix keeps its blend; the others start from an even one.
     */
    letNetworkChoose(layer: number | 'all'): boolean {
      const { config } = get();
      if (
        layer !== 'all' &&
        !(Number.isInteger(layer) && layer >= 1 && layer <= config.hidden.length)
      ) {
        return false;
      }
      const hidden = config.hidden.map((ids, l) =>
        layer === 'all' || layer === l + 1 ? ids.map(() => 'mixture' as const) : ids,
      );
      if (hidden.length === 0 || !commit({ ...config, hidden })) return false;
      store.setState({ running: true, divergence: null });
      return true;
    },
    /**
     * Freeze choices: every Learned mix becomes its palette entry of largest weight, and a
     * PReLU or Swish next to a fixed activation becomes it (nn/freeze.ts); weights are kept and
     * training goes on. The bridge asks the worker, then sets `freezeUndo` and says how the
     * test loss moved. False when no neuron learns its activation.
     */
    freezeChoices(): boolean {
      const learned = get()
        .config.hidden.flat()
        .some((id) => isLearned(id));
      if (!learned) return false;
      store.setState({ learnedRequest: { kind: 'freeze', id: ++learnedRequests } });
      return true;
    },
    /** Undo freeze: restores the network exactly as it was just before the last freeze. */
    undoFreeze(): boolean {
      if (get().freezeUndo === null) return false;
      store.setState({ learnedRequest: { kind: 'undoFreeze', id: ++learnedRequests } });
      return true;
    },
    /** Sets the activation of one hidden neuron (page numbering). */
    setNeuronActivation(layer: number, neuron: number, id: ActivationId): boolean {
      return commit(withActivations(get().config, [{ layer, neuron }], id));
    },
    /** Sets every neuron of hidden layer `layer` (from 1) to `id`. */
    setLayerActivation(layer: number, id: ActivationId): boolean {
      return commit(withLayerActivation(get().config, layer, id));
    },
    /** Sets every selected neuron to `id`; false when nothing is selected. */
    setSelectionActivation(id: ActivationId): boolean {
      return commit(withActivations(get().config, get().selection, id));
    },
    /**
     * A click on a neuron. Additive (shift or ctrl/cmd held): adds it to the selection or takes
     * it out. Otherwise it becomes the only selected neuron, or, if it already was, nothing is.
     */
    toggleSelected(layer: number, neuron: number, additive: boolean): boolean {
      const ref: NeuronRef = { layer, neuron };
      const { config, selection } = get();
      if (!neuronExists(config.hidden, ref)) return false;
      const isIn = selection.some((s) => sameNeuron(s, ref));
      let next: NeuronRef[];
      if (additive)
        next = isIn ? selection.filter((s) => !sameNeuron(s, ref)) : [...selection, ref];
      else next = isIn && selection.length === 1 ? [] : [ref];
      store.setState({ selection: next });
      return true;
    },
    clearSelection(): void {
      if (get().selection.length > 0) store.setState({ selection: [] });
    },
    /** What the pointer is over; false for a neuron that does not exist. */
    setHovered(hovered: Hovered): boolean {
      if (hovered !== null && hovered !== 'output' && !neuronExists(get().config.hidden, hovered)) {
        return false;
      }
      store.setState({ hovered });
      return true;
    },
    /** Appends a hidden layer of 2 neurons of the default activation (at most 8 layers). */
    addLayer(): boolean {
      return commit(withAddedLayer(get().config));
    },
    /** Removes the last hidden layer; a network may have none. */
    removeLayer(): boolean {
      return commit(withRemovedLayer(get().config));
    },
    /** Appends a neuron of the default activation to layer `layer` (from 1; at most 16). */
    addNeuron(layer: number): boolean {
      return commit(withAddedNeuron(get().config, layer));
    },
    /** Removes the last neuron of layer `layer` (from 1); a layer keeps at least one. */
    removeNeuron(layer: number): boolean {
      return commit(withRemovedNeuron(get().config, layer));
    },
    /** Switches an input feature on or off; refuses to switch off the last one. */
    toggleFeature(id: FeatureId): boolean {
      return commit(withToggledFeature(get().config, id));
    },
    /**
     * Sets one setting from a control, by the rule of its row in the settings table: numbers
     * are rounded (whole-number rows) and clamped into their bounds (a seed outside them is
     * refused), NaN and values of the wrong type are refused, choices must be one of the row's.
     * Changing the data set keeps the hidden layers, whatever the task.
     */
    set<K extends SettingKey>(key: K, value: unknown): boolean {
      const coerced = coerceSetting(key, value);
      return coerced.ok && setField(key, coerced.value);
    },
    /** New data and weights: the seed moves on to `nextSeed(seed)`, the same on every machine. */
    regenerate(): boolean {
      return setField('seed', nextSeed(get().config.seed));
    },
    /** Gives every hidden neuron the default activation. */
    applyDefaultToAll(): boolean {
      const config = get().config;
      return commit(withAllActivations(config, config.defaultActivation));
    },
    /**
     * "Set pattern…": the activations `rule` makes of the network (src/experiment/rules.ts),
     * in every hidden layer or in layer `layer` (from 1) only; the shape and weights stay. A
     * fraction rule picks its neurons from the seed, as an experiment's run does.
     */
    applyPattern(rule: VariantRule, layer?: number): boolean {
      const config = get().config;
      const count = config.hidden.length;
      if (layer !== undefined && !(Number.isInteger(layer) && layer >= 1 && layer <= count)) {
        return false;
      }
      const l = layer === undefined ? undefined : layer - 1;
      return setField('hidden', applyRule(rule, config.hidden, config.seed, l));
    },
    /** A whole configuration (from a link or a file); refused unless valid. */
    loadConfig(config: PlaygroundConfig): boolean {
      return commit(config);
    },
    /**
     * Loads the configuration a URL hash records; what the link held that could not be used
     * is told in one warning notice. Always succeeds (bad fields take their defaults).
     * @returns the sentences of what was ignored
     */
    loadFromHash(hash: string): readonly string[] {
      // An experiment's `exp=` is the experiment dialog's to read (src/state/experiment.ts).
      const { config, ignored } = configFromHash(splitExperiment(hash).rest);
      commit(config);
      if (ignored.length > 0) {
        pushNotice(
          'warning',
          `Some settings in the link could not be used: ${ignored.join('; ')}.`,
        );
      }
      return ignored;
    },
    /**
     * Trains on the person's own points (of the task of `dataset`, which becomes the data set
     * when given), or on generated data again with null. Refused unless every point fits.
     */
    setOwnData(points: readonly Point[] | null, dataset?: PlaygroundConfig['dataset']): boolean {
      if (points !== null && dataset !== undefined) {
        if (ownDataProblems(points, dataset).length > 0) return false;
        if (!setField('dataset', dataset)) return false;
      }
      return commitOwnData(points);
    },
    /** Drawing mode: on or off, removing, the label of new points. */
    setDrawing(mode: Partial<DrawMode>): void {
      store.setState({ drawing: { ...get().drawing, ...mode } });
    },
    /** Adds a point of the drawing label at (x, y) to the own data (started empty). */
    addOwnPoint(x: number, y: number): boolean {
      const { ownData, drawing, config } = get();
      const { kind, classes } = datasetInfo(config.dataset);
      const { label } = drawing;
      // A label chosen under another task becomes this task's nearest.
      const fitted =
        kind === 'binary'
          ? label > 0
            ? 1
            : -1
          : kind === 'multiclass'
            ? Math.min(classes - 1, Math.max(0, Math.round(label)))
            : label;
      const point = { x, y, label: fitted };
      return commitOwnData([...(ownData ?? []), point]);
    },
    /** Removes the own point nearest (x, y) within REMOVE_RADIUS; false when there is none. */
    removeOwnPointNear(x: number, y: number): boolean {
      const points = get().ownData ?? [];
      let best = -1;
      let bestDistance = REMOVE_RADIUS;
      points.forEach((p, i) => {
        const distance = Math.hypot(p.x - x, p.y - y);
        if (distance <= bestDistance) {
          best = i;
          bestDistance = distance;
        }
      });
      return best >= 0 && commitOwnData(points.filter((_, i) => i !== best));
    },
    /** Play (true) or pause (false). Playing dismisses an earlier divergence. */
    setRunning(running: boolean): boolean {
      if (typeof running !== 'boolean') return false;
      store.setState(running ? { running, divergence: null } : { running });
      return true;
    },
    /** Shows a message (the same message twice is shown once); returns its id. */
    pushNotice,
    /**
     * Gives notice `id` a new kind and text in place (same id, same position), as when what an
     * incident says changes; false when it is gone (dismissed or pushed out).
     */
    replaceNotice(id: number, kind: NoticeKind, text: string): boolean {
      const notices = get().notices;
      const at = notices.findIndex((n) => n.id === id);
      if (at < 0) return false;
      const notice = notices[at] as (typeof notices)[number];
      if (notice.kind === kind && notice.text === text) return true;
      const next = notices.slice();
      next[at] = { id, kind, text };
      store.setState({ notices: next });
      return true;
    },
    dismissNotice(id: number): void {
      const notices = get().notices;
      if (notices.some((n) => n.id === id)) {
        store.setState({ notices: notices.filter((n) => n.id !== id) });
      }
    },
    clearDivergence(): void {
      if (get().divergence !== null) store.setState({ divergence: null });
    },
  };
}

/** The actions of the page's store. */
export const playgroundActions: PlaygroundActions = actions(playgroundStore);
