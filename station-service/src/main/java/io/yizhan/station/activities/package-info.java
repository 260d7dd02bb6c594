/**
 * Activities a station holds (特色活动): holiday meals, legal aid, free clinics, cooling and
 * warming drives, model-worker visits, union joining. Logged per station; assessment counts
 * them. Plain Java; adapters in {@code web} and {@code persistence}.
 */
@NullMarked
package io.yizhan.station.activities;

import org.jspecify.annotations.NullMarked;
