/** voxloop tracker module. */
package dev.voxloop.tracker;
