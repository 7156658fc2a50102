/** voxloop forge module. */
package dev.voxloop.forge;
