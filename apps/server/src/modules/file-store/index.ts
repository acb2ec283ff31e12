export { type BlobStore, isSha256, readBlob, sha256Of } from './blob-store.js';
export { blobStoreFor, createDiskBlobStore } from './disk-blob-store.js';
export {
  checkFile,
  cleanFileName,
  detectFileKind,
  extensionOf,
  FILE_STORE_MAX_BYTES,
  FILE_TYPES,
  type FileKind,
} from './file-store.policy.js';
export { createFileStoreRepository, type FileStoreRepository } from './file-store.repository.js';
export {
  contentDisposition,
  createFileStore,
  type FileStore,
  readUpload,
  type StoredFile,
  type Upload,
} from './file-store.service.js';
