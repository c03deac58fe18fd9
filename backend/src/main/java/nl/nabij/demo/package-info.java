/**
 * The demo municipality: loaded from the seed-data module on the first start against an empty database, so a fresh
 * clone shows a living neighbourhood at once. Nothing else depends on this package.
 */
package nl.nabij.demo;
