/** voxloop store module. */
package dev.voxloop.store;
