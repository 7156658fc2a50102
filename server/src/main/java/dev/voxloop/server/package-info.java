/** voxloop server module. */
package dev.voxloop.server;
