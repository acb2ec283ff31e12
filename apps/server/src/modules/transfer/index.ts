export { createTransferRepository, type TransferRepository } from './transfer.repository.js';
export { transferRoutes } from './transfer.routes.js';
export { createTransferService, type TransferService } from './transfer.service.js';
