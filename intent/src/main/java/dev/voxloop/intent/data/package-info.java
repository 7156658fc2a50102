/**
 * Reading the word lists and rule tables the extractors and the untrusted-text screen keep as resource files
 * ({@link dev.voxloop.intent.data.TableFile}): data, not code, checked when loaded.
 */
package dev.voxloop.intent.data;
