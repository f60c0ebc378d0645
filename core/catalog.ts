// moved to core/contract/catalog.ts (shared with the mini-program); kept while imports move over
export * from './contract/catalog';
export * from './contract/limits';
