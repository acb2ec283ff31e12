export * from './accounts.js';
export * from './audit.js';
export * from './members.js';
export * from './organizations.js';
