/** voxloop speech module. */
package dev.voxloop.speech;
