/**
 * Who may do what in station-service: the public paths (finder, public pages, QR codes, maps),
 * the roles each change needs, and the object-level checks that tie a district union to its own
 * district's stations and a station manager to their own stations.
 */
@NullMarked
package io.yizhan.station.access.web;

import org.jspecify.annotations.NullMarked;
