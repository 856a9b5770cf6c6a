/**
 * The web channel's stored data per widget conversation (the access token's hash, the visitor id), kept apart from
 * the web code so that only this package talks to the database.
 */
package dev.parley.channel.widget;
