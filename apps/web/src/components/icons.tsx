// Inline icons: no icon font to load, and each is labelled by its surrounding control.
type IconProps = { size?: number };

const svg = (path: string) =>
  function Icon({ size = 22 }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="currentColor"
        aria-hidden="true"
        focusable="false"
      >
        <path d={path} />
      </svg>
    );
  };

export const HomeIcon = svg("M12 3 3 10v11h6v-7h6v7h6V10z");
export const UserIcon = svg(
  "M12 12a5 5 0 1 0-5-5 5 5 0 0 0 5 5Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z",
);
export const LibraryIcon = svg("M4 3h2v18H4zm5 0h2v18H9zm4.6 1.1 1.9-.6 5.2 16.7-1.9.6z");
export const PlayIcon = svg(
  "M8 5.14v13.72a1 1 0 0 0 1.5.86l11-6.86a1 1 0 0 0 0-1.72l-11-6.86A1 1 0 0 0 8 5.14Z",
);
export const PauseIcon = svg("M6 4h4v16H6zm8 0h4v16h-4z");
export const NextIcon = svg("M16 6h2v12h-2zM6 18l8.5-6L6 6z");
export const PreviousIcon = svg("M6 6h2v12H6zm3.5 6 8.5 6V6z");
export const ShuffleIcon = svg(
  "M10.6 9.2 5.4 4 4 5.4l5.2 5.2zM14.5 4l2 2L4 18.6 5.4 20 18 7.5l2 2V4zm.3 9.4-1.4 1.4 3.1 3.1-2 2H20v-5.5l-2 2z",
);
export const RepeatIcon = svg("M7 7h10v3l4-4-4-4v3H5v6h2zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2z");
export const RepeatOneIcon = svg(
  "M7 7h10v3l4-4-4-4v3H5v6h2zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2zm-4-2V9h-1l-2 1v1h1.5v4z",
);
export const VolumeIcon = svg(
  "M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.47 4.47 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z",
);
export const MuteIcon = svg(
  "M16.5 12A4.5 4.5 0 0 0 14 8v2.2l2.45 2.45c.03-.2.05-.42.05-.65zM19 12a7 7 0 0 1-.57 2.8l1.5 1.5A9 9 0 0 0 14 3.2v2.1A7 7 0 0 1 19 12zM4.3 3 3 4.3 7.7 9H3v6h4l5 5v-6.7l4.3 4.3a7 7 0 0 1-2.3 1.1v2.1a9 9 0 0 0 3.7-1.8l2 2 1.3-1.3-9-9zM12 4 9.9 6.1 12 8.2z",
);
export const QueueIcon = svg("M3 6h12v2H3zm0 4h12v2H3zm0 4h8v2H3zm14-4v6.2A3 3 0 1 0 19 19v-7h3v-2z");
export const ClockIcon = svg("M12 2a10 10 0 1 0 10 10A10 10 0 0 0 12 2Zm1 10.4 3.5 2.1-.8 1.3L11 13V7h2Z");
export const SearchIcon = svg(
  "M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z",
);
export const PlusIcon = svg("M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z");
export const LinkIcon = svg(
  "M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.5 20a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1 1.4 1.4-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1 1.4 1.4-2.1 2.1A4.5 4.5 0 0 1 8.5 20Zm8.1-6.2-1.4-1.4 2.1-2.1a2.5 2.5 0 0 0-3.5-3.5l-2.1 2.1-1.4-1.4 2.1-2.1a4.5 4.5 0 0 1 6.4 6.4Z",
);
export const HeartIcon = svg(
  "M16.5 3A5.5 5.5 0 0 0 12 5.3 5.5 5.5 0 0 0 2 8.5c0 3.8 3.4 6.9 8.6 11.5L12 21.3l1.4-1.3C18.6 15.4 22 12.3 22 8.5A5.5 5.5 0 0 0 16.5 3Zm-4.4 15.6-.1.1-.1-.1C7.1 14.3 4 11.5 4 8.5 4 6.5 5.5 5 7.5 5c1.5 0 3 1 3.6 2.4h1.9C13.5 6 15 5 16.5 5c2 0 3.5 1.5 3.5 3.5 0 3-3.1 5.8-7.9 10.1Z",
);
export const HeartFilledIcon = svg(
  "M12 21.3 10.6 20C5.4 15.4 2 12.3 2 8.5A5.5 5.5 0 0 1 12 5.3 5.5 5.5 0 0 1 22 8.5c0 3.8-3.4 6.9-8.6 11.5z",
);
export const CheckIcon = svg("M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z");
export const MoreIcon = svg(
  "M5 10a2 2 0 1 0 2 2 2 2 0 0 0-2-2Zm7 0a2 2 0 1 0 2 2 2 2 0 0 0-2-2Zm7 0a2 2 0 1 0 2 2 2 2 0 0 0-2-2Z",
);
export const GripIcon = svg("M8 4h3v3H8zm5 0h3v3h-3zM8 10.5h3v3H8zm5 0h3v3h-3zM8 17h3v3H8zm5 0h3v3h-3z");
export const NoteIcon = svg("M12 3v10.6A4 4 0 1 0 14 17V7h4V3z");
