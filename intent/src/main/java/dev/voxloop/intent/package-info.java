/** voxloop intent module. */
package dev.voxloop.intent;
