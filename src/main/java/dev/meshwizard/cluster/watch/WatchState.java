package dev.meshwizard.cluster.watch;

/** State of the side panel's watch connection. */
public enum WatchState { SYNCING, WATCHING, LOST }
