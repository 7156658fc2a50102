/** voxloop loop module. */
package dev.voxloop.loop;
