/**
 * Regie: één gezin, één plan, één regisseur. The coordinator of a household (assigned, handed over, ended; always
 * one of those involved, at most one at a time), the household's shared plan of goals, the recorded collaboration
 * between two professionals that shows they coordinate, and the rules that flag households needing regie.
 */
package nl.nabij.regie;
