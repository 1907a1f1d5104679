/**
 * The playground's settings as plain data: the settings table and everything derived from it
 * (the configuration type and defaults, validation, the link codec, the engine specs).
 */
export * from './config';
export * from './link';
export * from './numbers';
export * from './settingRows';
export * from './validate';
export * from './viewFlags';
