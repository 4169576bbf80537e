"""The bottom layer: the network's shared vocabulary that every app reads and that imports no app."""
