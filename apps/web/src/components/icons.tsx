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
