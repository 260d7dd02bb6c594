/**
 * Who may call the platform: the roles and the token claims every service reads. Part of the
 * published language because district systems and the city's identity provider must issue
 * tokens that carry exactly these names.
 */
@NullMarked
package io.yizhan.contracts.access;

import org.jspecify.annotations.NullMarked;
