"use client";

import { HeartFilledIcon, HeartIcon } from "../icons";
import { useLiked, useToggleLike } from "./likes-provider";
import styles from "./library.module.css";

/** The heart: saves a track to Liked Songs or takes it out, the same everywhere it is shown. */
export function LikeButton({
  track,
  tabIndex,
  size = 18,
  className = "",
}: {
  track: { id: string; liked?: boolean };
  tabIndex?: number;
  size?: number;
  className?: string;
}) {
  const liked = useLiked(track.id, track.liked ?? false);
  const toggle = useToggleLike();
  return (
    <button
      type="button"
      className={`${styles.like} ${liked ? styles.liked : ""} ${className}`}
      aria-label={liked ? "Remove from Liked Songs" : "Save to Liked Songs"}
      aria-pressed={liked}
      tabIndex={tabIndex}
      onClick={() => toggle(track.id, liked)}
    >
      {liked ? <HeartFilledIcon size={size} /> : <HeartIcon size={size} />}
    </button>
  );
}
