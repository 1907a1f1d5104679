/**
 * The page's state: the store (intent and throttled readouts), its actions, the link format,
 * the frame hub (what changes every frame, outside React) and the bridge to the worker.
 */
export * from './actions';
export * from './bridge';
export * from './edits';
export * from './frameHub';
export * from './hashSync';
export * from './neurons';
export * from './store';
export * from './view';
export * from './lesson';
