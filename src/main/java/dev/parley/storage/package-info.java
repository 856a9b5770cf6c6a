/**
 * File storage: one {@link dev.parley.storage.FileStorage} for attachments, exports and model artifacts, on local
 * disk under the data directory by default or in any S3-compatible object store ({@code parley.storage.type}).
 */
package dev.parley.storage;
