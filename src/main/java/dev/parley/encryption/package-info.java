/**
 * Encryption at rest: secrets and personal data are sealed with AES-256-GCM under a key ring whose keys have
 * ids, so keys can rotate while old values stay readable and are re-encrypted in the background.
 */
package dev.parley.encryption;
