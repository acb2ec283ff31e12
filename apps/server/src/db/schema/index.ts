export * from './accounts.js';
export * from './audit.js';
export * from './committees.js';
export * from './members.js';
export * from './organizations.js';
export * from './transfers.js';
export * from './units.js';
export * from './venues.js';
