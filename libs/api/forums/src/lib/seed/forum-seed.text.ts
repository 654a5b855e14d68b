/**
 * The forum's own text (the organisers' announcement), copied verbatim from the part that names the
 * clusters and the tracks. `parseForumSeed` turns it into rooms; keeping the prose rather than a
 * hand-made list means a new edition of the forum is seeded by pasting its announcement.
 */
export const FORUM_SEED_TEXT = `• 8


    INO Tomsk project is based on 6 innovation territorial clusters: petrochemical cluster, cluster of nuclear technologies, timber and pharmaceutical clusters, cluster of medical equipment and IT, cluster of wildlife resources, and cluster of hard-to-recover resources.

  • 9


    160 thousands of highly-efficient workplaces will be created before 2020 as a result of INO Tomsk project implementation.

  • 10


    Over 100 industrial, research and educational, social and infrastructure projects are implemented within INO Tomsk.

II Forum of University Cities to take place in Tomsk

14 September 2017 13:26

II International Forum of University Cities “ENERGY OF UNIVERSITIES FOR MUNICIPAL AND REGIONAL DEVELOPMENT” will take place in Tomsk on November 30th through December 2nd

The Forum is organized by National Research Tomsk State University with the support from Tomsk Regional Administration.

The Forum aims to develop a common agenda to increase the impact of university on the development of new economy, concentration of hi-tech business in cities and regions, development of campus as a magnet for companies; partnership between authorities, business and university to transform the economy and respond to social challenges.

The program includes three “tracks”: Track one “University and the economy of the city/region” is about defining the role of university in the development of new economy in a city or a region. Within this track, participants, moderators and leading experts on urban and science & technology development, cluster policy, representatives of universities, authorities and companies will discuss the way a university facilitates new economy of the city and the region, and will examine transformation practice for a university city. The track focuses on relevant agenda: how to build cooperation between authorities, business and university to transform the economy of the city and the region; how to transform the university campus into a magnet for companies and a new type of city space; how to create a consensus space to develop and implement joint initiatives?

The track called “University in an urban ecosystem” dwells on the issues of urbanization and city development while solving economic, political, social and environmental issues. Modern urbanization is the process of multifaceted and multi-directional influence on social, economic and technology development of society. The inflow of students conditions new requirements to urban environment and the quality of life, while simultaneously becoming the drive for intellectual transformation of urban ecosystems. The aesthetics of a university city not only grasps new trends in spatial and artistic development of cities, but also defines the new quality standard for urban space, new ways of city development. Among the key issues of this track, are as follows: What kind of environment is needed for universities to foster experimental solutions for acute environmental and urban problems? Can urbanization be more thought-through and responsible? What knowledge and skills are required to address global environmental challenges?

The role of universities as drivers of social changes will be the topic of track “University and social changes”. The main objective of this track is to identify the key conditions to transform the university in the driver of social changes. During this track’s activities, the participants will discuss the role of university in improving the quality of life, development of social entrepreneurship aimed at the solution of key issues in social development of a city and a region, as well as the engagement of a previously overlooked resource – “third age” citizens, and academic mobility as a special kind of human migration. The key issues of this track are as follows: How does a university ensure the concentration of talent in cities? What are the priorities for the development of academic mobility? How should we develop the labor market and respond to social challenges? Which practices enable the “third demographic age” citizens to get involved in the social and economic development of a city and a region?
`;
