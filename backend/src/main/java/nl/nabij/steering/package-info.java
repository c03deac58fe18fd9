/**
 * Steering figures for an area and a period: cliëntisme (where wijkteam members' referrals go, against the area's
 * referral mix), waiting for a decision on applications for support against their statutory terms, and two areas or
 * two periods side by side. Aggregates only: nothing in it names a resident or a household, and users who see no
 * households read it under disclosure control (the disclosure package's policy).
 */
package nl.nabij.steering;
