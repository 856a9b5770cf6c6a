/**
 * Channels: the ways customers reach Parley. {@code web} is the embeddable chat widget, its public API
 * and live stream; every channel hands customer messages to the conversation module's flow.
 */
package dev.parley.channel;
