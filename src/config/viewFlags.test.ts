import { describe, expect, it } from 'vitest';
import { configFromHash, configToHash } from './link';
import { DEFAULT_CONFIG } from './settings';
import {
  hideKeyOf,
  isViewFlagKey,
  viewFlagFieldsOf,
  viewFlagsFromHash,
  viewFlagsToFields,
  withViewFields,
} from './viewFlags';

const TF_SPELLINGS = {
  playButton: 'play',
  stepButton: 'step',
  resetButton: 'reset',
  learningRate: 'learningRate',
  dataset: 'dataset',
  noise: 'noise',
  percTrainData: 'trainPercent',
  batchSize: 'batchSize',
  regularization: 'regularization',
  regularizationRate: 'regularizationRate',
  numHiddenLayers: 'hidden',
  showTestData: 'showTestData',
  discretize: 'discretize',
} as const;

describe('view flags', () => {
  it('read every TensorFlow Playground hide flag the two pages share', () => {
    for (const [tf, control] of Object.entries(TF_SPELLINGS)) {
      expect(viewFlagsFromHash(`#${tf}_hide=true`).hidden, tf).toEqual(new Set([control]));
    }
  });

  it('give every settings row a hide key of its own, from its link key', () => {
    expect(viewFlagsFromHash('#lr_hide=1&opt_hide=1').hidden).toEqual(
      new Set(['learningRate', 'optimizer']),
    );
    expect(hideKeyOf('learningRate')).toBe('lr_hide');
    expect(hideKeyOf('play')).toBe('play_hide');
  });

  it('read embed and presentation, and hide nothing for =0 or =false', () => {
    const flags = viewFlagsFromHash('embed=1&presentation=true&lr_hide=0&noise_hide=false');
    expect(flags.embed).toBe(true);
    expect(flags.presentation).toBe(true);
    expect(flags.hidden.size).toBe(0);
  });

  it('are no settings: the settings codec neither uses them nor complains', () => {
    const { config, ignored } = configFromHash(
      '#dataset=xor&embed=1&learningRate_hide=true&lr_hide=1',
    );
    expect(ignored).toEqual([]);
    expect(config.dataset).toBe('xor');
    expect(configFromHash('#bogus_hide=1').ignored).toHaveLength(1);
  });

  it('are kept beside the settings when the hash is written again', () => {
    const hash = '#dataset=xor&playButton_hide=true&embed=1&noise=5';
    expect(viewFlagFieldsOf(hash)).toBe('playButton_hide=true&embed=1');
    const written = withViewFields(configToHash(DEFAULT_CONFIG), viewFlagFieldsOf(hash));
    expect(viewFlagsFromHash(written)).toEqual(viewFlagsFromHash(hash));
    expect(configFromHash(written).config).toEqual(DEFAULT_CONFIG);
  });

  it('round-trip through their own spelling', () => {
    const flags = viewFlagsFromHash('#embed=1&percTrainData_hide=true&lossChart_hide=1');
    expect(viewFlagsFromHash(viewFlagsToFields(flags))).toEqual(flags);
    expect(isViewFlagKey('train_hide')).toBe(true);
    expect(isViewFlagKey('train')).toBe(false);
  });
});
