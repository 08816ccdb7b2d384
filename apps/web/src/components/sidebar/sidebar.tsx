import { Brand } from "../brand";
import { HomeIcon, LibraryIcon, SearchIcon, UserIcon } from "../icons";
import { NavLink } from "../nav-link";
import { CreatePlaylistButton } from "../playlist/create-playlist-button";
import { SidebarPlaylists } from "../playlist/sidebar-playlists";
import styles from "./sidebar.module.css";

/**
 * The app's navigation: a left column on wide screens; on a phone, a tab bar along the bottom
 * (above the now-playing bar) with the same destinations and the create button.
 */
export function Sidebar() {
  return (
    <aside className={styles.sidebar}>
      <nav className={styles.nav} aria-label="Main">
        <span className={styles.brand}>
          <Brand />
        </span>
        <NavLink href="/">
          <HomeIcon /> <span className={styles.label}>Home</span>
        </NavLink>
        <NavLink href="/search">
          <SearchIcon /> <span className={styles.label}>Search</span>
        </NavLink>
        <NavLink href="/library">
          <LibraryIcon /> <span className={styles.label}>Your Library</span>
        </NavLink>
        <span className={styles.wideOnly}>
          <NavLink href="/account">
            <UserIcon /> <span className={styles.label}>Account</span>
          </NavLink>
        </span>
        <span className={styles.narrowOnly}>
          <CreatePlaylistButton className={styles.tab} />
        </span>
      </nav>
      <section className={styles.playlists} aria-labelledby="sidebar-playlists-title">
        <header className={styles.playlistsHeader}>
          <h2 id="sidebar-playlists-title" className={styles.playlistsTitle}>
            Playlists
          </h2>
          <CreatePlaylistButton />
        </header>
        <SidebarPlaylists />
      </section>
    </aside>
  );
}
