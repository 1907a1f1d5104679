/**
 * The page's state: the store (intent and throttled readouts), its actions, the link format,
 * the frame hub (what changes every frame, outside React) and the bridge to the worker.
 */
export * from './actions';
export * from './bridge';
export * from './comparison';
export * from './edits';
export * from './experiment';
export * from './experimentDraft';
export * from './experimentLink';
export * from './experimentPytorch';
export * from './frameHub';
export * from './hashSync';
export * from './networkFile';
export * from './pytorchExport';
export * from './neurons';
export * from './pairHub';
export * from './store';
export * from './view';
export * from './lesson';
export * from './timelineBridge';
export * from './timelineHub';
