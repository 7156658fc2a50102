/** voxloop app module. */
package dev.voxloop.app;
